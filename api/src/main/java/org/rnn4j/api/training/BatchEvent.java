package org.rnn4j.api.training;

/**
 * Sent after each parameter update.
 *
 * @param epoch   the epoch, from 1
 * @param batch   the batch within the epoch, from 1
 * @param batches batches per epoch
 * @param loss    mean loss per target step of this batch, before the update
 */
public record BatchEvent(int epoch, int batch, int batches, double loss) {
}
