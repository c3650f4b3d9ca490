package org.rnn4j.api.training;

/**
 * Sent after each parameter update: after each mini-batch (or each truncation chunk) for BPTT,
 * after each time step for online RTRL.
 *
 * @param epoch   the epoch, from 1
 * @param batch   the batch (for online RTRL: the update) within the epoch, from 1
 * @param batches updates per epoch, or 0 when not known in advance (online RTRL)
 * @param loss    mean loss per target step of what this update learned from, before the update
 */
public record BatchEvent(int epoch, int batch, int batches, double loss) {
}
