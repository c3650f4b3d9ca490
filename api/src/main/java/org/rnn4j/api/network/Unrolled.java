package org.rnn4j.api.network;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A network unrolled over a window of consecutive steps of one batch, for back-propagation
 * through the whole window: forward through all its steps, then backward through all of them.
 * Made by {@link Network#unroll}; reused from batch to batch, allocating nothing once made.
 *
 * <p>The results are those of {@link Network#forward} and {@link Network#backwardThroughTime}
 * step by step, to rounding. A network may compute a window in another order: the graph kit
 * computes each group that is not in a recurrent cycle for all steps at once, as one product
 * over the window's rows, and only the cycles step by step.
 */
public interface Unrolled {

    /** Rows: sequences of the batch. */
    int batchSize();

    /** The most steps one window may have. */
    int capacity();

    /**
     * Steps 0 … inputs.size() − 1 from s_{-1} = {@code initialState}, step t reading x_t =
     * {@code inputs.get(t)} (batch × inputs). The arguments are not kept.
     */
    void forward(DMatrixRMaj initialState, List<DMatrixRMaj> inputs);

    /** y_t of the last {@link #forward}, batch × outputs: valid until the next call of this method. */
    DMatrixRMaj output(int t);

    /** s_t of the last {@link #forward}, batch × n: valid until the next call of this method. */
    DMatrixRMaj state(int t);

    /**
     * Back-propagation through every step of the last {@link #forward}.
     *
     * @param outputGradients ∂L/∂y_t of each step, batch × outputs, as many as the steps
     * @param stateGradient   ∂L/∂s of the last step on entry, ∂L/∂s_{-1} on return
     * @param gradient        accumulates ∂L/∂θ, laid out as the network's parameters
     */
    void backward(List<DMatrixRMaj> outputGradients, DMatrixRMaj stateGradient, Parameters gradient);
}
