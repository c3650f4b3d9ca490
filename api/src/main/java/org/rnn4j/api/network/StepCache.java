package org.rnn4j.api.network;

import org.ejml.data.DMatrixRMaj;

/**
 * What {@link Network#forward} keeps of one step of a batch: the new state and the output,
 * which trainers read, and whatever else the network needs for its derivatives.
 *
 * <p>Each network makes its own kind with {@link Network#newStepCache}; a cache is reused for
 * many steps and belongs to the network that made it.
 */
public interface StepCache {

    /** Rows: sequences of the batch. */
    int batchSize();

    /** s_t, batch × n, written by the last {@code forward}. */
    DMatrixRMaj state();

    /** y_t, batch × outputs, written by the last {@code forward}. */
    DMatrixRMaj output();
}
