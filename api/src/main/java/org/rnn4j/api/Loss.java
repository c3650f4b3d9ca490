package org.rnn4j.api;

import org.ejml.data.DMatrixRMaj;

/**
 * A per-step loss between a network's output row and its target row, chosen in run files by
 * {@link #name()} ({@code mse}, {@code cross-entropy}, {@code binary-cross-entropy}).
 *
 * <p>Implementations are stateless and thread-safe. Trainers call {@link #evaluate} for every
 * step that has a target and average the values over those steps.
 */
public interface Loss extends Plugin {

    /**
     * The loss of row {@code row} of {@code output} against the same row of {@code target};
     * when {@code gradient} is not null, also writes {@code scale · ∂loss/∂output} into that
     * row of {@code gradient} (overwriting it).
     *
     * @param output   network outputs, batch × outputs
     * @param target   targets, batch × outputs
     * @param row      the row (sequence of the batch) to evaluate
     * @param scale    factor applied to the gradient, usually 1 / (number of target steps)
     * @param gradient where the scaled gradient goes, batch × outputs, or null
     * @return the unscaled loss of that row
     */
    double evaluate(DMatrixRMaj output, DMatrixRMaj target, int row, double scale, DMatrixRMaj gradient);

    /**
     * What a person reads as the prediction for a network output row: the output itself for
     * most losses, the softmax of it for {@code cross-entropy}, whose network outputs are logits.
     * Writes into the same row of {@code prediction}.
     */
    default void predict(DMatrixRMaj output, int row, DMatrixRMaj prediction) {
        int cols = output.numCols;
        System.arraycopy(output.data, row * cols, prediction.data, row * cols, cols);
    }
}
