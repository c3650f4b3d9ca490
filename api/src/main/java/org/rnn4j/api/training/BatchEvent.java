package org.rnn4j.api.training;

/**
 * Sent after each parameter update: after each mini-batch (or each truncation chunk) for BPTT,
 * after each time step for online RTRL.
 *
 * @param epoch   the epoch, from 1
 * @param batch   the batch within the epoch, from 1
 * @param batches batches per epoch
 * @param loss    mean loss per target step of what this update learned from, before the update
 */
public record BatchEvent(int epoch, int batch, int batches, double loss) {
}
