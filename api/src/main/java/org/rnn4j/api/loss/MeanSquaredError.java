package org.rnn4j.api.loss;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;

/** {@code mse}: the mean over the outputs of (y − target)². */
public final class MeanSquaredError implements Loss {

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String description() {
        return "mean squared error over the outputs";
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj target, int row, double scale, DMatrixRMaj gradient) {
        int cols = output.numCols;
        if (cols == 1) {  // one output, as in most classic tasks: no loop, and no division by one (the same numbers)
            double e = output.data[row] - target.data[row];
            if (gradient != null) {
                gradient.data[row] = scale * 2 * e;
            }
            return e * e;
        }
        int base = row * cols;
        double sum = 0;
        for (int k = 0; k < cols; k++) {
            double e = output.data[base + k] - target.data[base + k];
            sum += e * e;
            if (gradient != null) {
                gradient.data[base + k] = scale * 2 * e / cols;
            }
        }
        return sum / cols;
    }
}
