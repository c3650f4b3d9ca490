package org.rnn4j.api.loss;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;

/**
 * {@code cross-entropy}: −Σ target · log softmax(y). The network's outputs are logits (use the
 * {@code identity} output activation); the softmax is taken here, together with the loss, which
 * is both cheaper and numerically safer than a softmax layer followed by a logarithm.
 */
public final class CrossEntropy implements Loss {

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public String description() {
        return "softmax cross-entropy on logit outputs (one-hot or probability targets)";
    }

    @Override
    public double evaluate(DMatrixRMaj output, DMatrixRMaj target, int row, double scale, DMatrixRMaj gradient) {
        int cols = output.numCols;
        int base = row * cols;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cols; k++) {
            max = Math.max(max, output.data[base + k]);
        }
        // The exponentials wait in the gradient's row for the normalisation: one each, not two.
        double[] exponentials = gradient != null ? gradient.data : null;
        double sumExp = 0;
        for (int k = 0; k < cols; k++) {
            double e = Math.exp(output.data[base + k] - max);
            if (exponentials != null) {
                exponentials[base + k] = e;
            }
            sumExp += e;
        }
        double logSumExp = max + Math.log(sumExp);
        double loss = 0;
        double targetMass = 0;
        for (int k = 0; k < cols; k++) {
            double t = target.data[base + k];
            loss -= t * (output.data[base + k] - logSumExp);
            targetMass += t;
        }
        if (exponentials != null) {
            double massPerSum = targetMass / sumExp;
            for (int k = 0; k < cols; k++) {
                exponentials[base + k] = scale * (exponentials[base + k] * massPerSum - target.data[base + k]);
            }
        }
        return loss;
    }

    @Override
    public void predict(DMatrixRMaj output, int row, DMatrixRMaj prediction) {
        int cols = output.numCols;
        int base = row * cols;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cols; k++) {
            max = Math.max(max, output.data[base + k]);
        }
        double sum = 0;
        for (int k = 0; k < cols; k++) {
            double e = Math.exp(output.data[base + k] - max);
            prediction.data[base + k] = e;
            sum += e;
        }
        for (int k = 0; k < cols; k++) {
            prediction.data[base + k] /= sum;
        }
    }
}
