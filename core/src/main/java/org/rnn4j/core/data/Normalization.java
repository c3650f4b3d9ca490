package org.rnn4j.core.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/**
 * Per-column standardisation of a model's inputs and targets, fitted on the training sequences
 * ({@code rnn4j.data.normalize = standard}) and stored with the model: the network sees
 * (x − mean) / scale, and its outputs are read back as y · scale + mean.
 */
public record Normalization(double[] inputMean, double[] inputScale, double[] targetMean, double[] targetScale) {
    public Normalization {
        inputMean = inputMean.clone();
        inputScale = inputScale.clone();
        targetMean = targetMean.clone();
        targetScale = targetScale.clone();
    }

    /** The mean and standard deviation of every column over the steps of {@code data} (targets: steps that have one). */
    public static Normalization fit(DataSet data) {
        double[][] inputs = moments(data, true);
        double[][] targets = moments(data, false);
        return new Normalization(inputs[0], inputs[1], targets[0], targets[1]);
    }

    private static double[][] moments(DataSet data, boolean inputs) {
        int width = inputs ? data.inputSize() : data.outputSize();
        double[] sum = new double[width];
        double[] squares = new double[width];
        long count = 0;
        for (Sequence sequence : data.sequences()) {
            DMatrixRMaj values = inputs ? sequence.inputs() : sequence.targets();
            for (int t = 0; t < sequence.length(); t++) {
                if (!inputs && !sequence.hasTarget(t)) {
                    continue;
                }
                count++;
                for (int k = 0; k < width; k++) {
                    double v = values.get(t, k);
                    sum[k] += v;
                    squares[k] += v * v;
                }
            }
        }
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (int k = 0; k < width; k++) {
            mean[k] = count == 0 ? 0 : sum[k] / count;
            double variance = count == 0 ? 0 : Math.max(0, squares[k] / count - mean[k] * mean[k]);
            // A constant column keeps its scale: dividing by ~0 would blow it up.
            scale[k] = variance > 1e-24 ? Math.sqrt(variance) : 1;
        }
        return new double[][] {mean, scale};
    }

    /** {@code data} standardised; the task metrics are kept (they are evaluated on the original values). */
    public DataSet apply(DataSet data) {
        List<Sequence> sequences = new ArrayList<>(data.sequences().size());
        for (Sequence sequence : data.sequences()) {
            sequences.add(new Sequence(scale(sequence.inputs(), inputMean, inputScale),
                    scale(sequence.targets(), targetMean, targetScale), sequence.hasTarget()));
        }
        return data.withSequences(sequences);
    }

    /** Standardises one input row in place. */
    public void normalizeInput(double[] row) {
        for (int k = 0; k < row.length; k++) {
            row[k] = (row[k] - inputMean[k]) / inputScale[k];
        }
    }

    /** Standardises one target row in place, as the network was trained on. */
    public void normalizeTarget(double[] row) {
        for (int k = 0; k < row.length; k++) {
            row[k] = (row[k] - targetMean[k]) / targetScale[k];
        }
    }

    /** Turns one output row of the network back into the targets' units, in place. */
    public void denormalizeOutput(double[] row, int offset) {
        for (int k = 0; k < targetMean.length; k++) {
            row[offset + k] = row[offset + k] * targetScale[k] + targetMean[k];
        }
    }

    private static DMatrixRMaj scale(DMatrixRMaj values, double[] mean, double[] scale) {
        DMatrixRMaj scaled = new DMatrixRMaj(values.numRows, values.numCols);
        for (int t = 0; t < values.numRows; t++) {
            for (int k = 0; k < values.numCols; k++) {
                scaled.set(t, k, (values.get(t, k) - mean[k]) / scale[k]);
            }
        }
        return scaled;
    }
}
