package org.rnn4j.api.loss;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;

/**
 * {@code binary-cross-entropy}: the mean over the outputs of −[t·log y + (1 − t)·log(1 − y)],
 * for outputs that are probabilities (a {@code sigmoid} output activation). Outputs are kept
 * {@value #EPSILON} away from 0 and 1 so that a saturated unit gives a large, finite loss.
 */
public final class BinaryCrossEntropy implements Loss {

    static final double EPSILON = 1e-12;

    @Override
    public String name() {
        return "binary-cross-entropy";
    }

    @Override
    public String description() {
        return "binary cross-entropy on probability outputs (sigmoid), targets in [0, 1]";
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj target, int row, double scale, DMatrixRMaj gradient) {
        int cols = output.numCols;
        int base = row * cols;
        double loss = 0;
        for (int k = 0; k < cols; k++) {
            double y = Math.min(1 - EPSILON, Math.max(EPSILON, output.data[base + k]));
            double t = target.data[base + k];
            loss -= t * Math.log(y) + (1 - t) * Math.log(1 - y);
            if (gradient != null) {
                gradient.data[base + k] = scale * (y - t) / (y * (1 - y)) / cols;
            }
        }
        return loss / cols;
    }
}
