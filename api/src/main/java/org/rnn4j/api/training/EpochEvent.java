package org.rnn4j.api.training;

/**
 * Sent after each epoch.
 *
 * @param epoch     the epoch, from 1
 * @param epochs    epochs planned in all
 * @param trainLoss mean loss per target step during the epoch
 */
public record EpochEvent(int epoch, int epochs, double trainLoss) {
}
