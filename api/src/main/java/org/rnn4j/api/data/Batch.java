package org.rnn4j.api.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Sequences of a mini-batch laid out step by step, as networks consume them: at step t an
 * input matrix (batch × inputs), a target matrix (batch × outputs) and a mask saying which rows
 * have a target. Shorter sequences are padded with zero inputs and no targets.
 *
 * <p>A batch is a reusable buffer: {@link #fill} allocates only when it needs more room than
 * before.
 */
public final class Batch {

    private final int inputSize;
    private final int outputSize;
    private int size;
    private int length;
    private DMatrixRMaj[] inputs = new DMatrixRMaj[0];
    private DMatrixRMaj[] targets = new DMatrixRMaj[0];
    private boolean[][] mask = new boolean[0][];
    private int targetCount;
    /** x_0 … x_{length−1} as a list, for networks that take a whole window: a view, so that reading it allocates nothing. */
    private final List<DMatrixRMaj> inputList = new java.util.AbstractList<>() {
        @Override
        public DMatrixRMaj get(int t) {
            return inputs[java.util.Objects.checkIndex(t, length)];
        }

        @Override
        public int size() {
            return length;
        }
    };

    public Batch(int inputSize, int outputSize) {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
    }

    /** Fills the batch with {@code sequences[order[from]] … sequences[order[to - 1]]}. */
    public void fill(List<Sequence> sequences, int[] order, int from, int to) {
        size = to - from;
        length = 0;
        for (int i = from; i < to; i++) {
            length = Math.max(length, sequences.get(order[i]).length());
        }
        ensureSteps(length);
        for (int t = 0; t < length; t++) {
            shape(inputs[t], size, inputSize);
            shape(targets[t], size, outputSize);
            if (mask[t].length < size) {
                mask[t] = new boolean[size];
            }
        }
        targetCount = 0;
        // Sequence by sequence: each one's rows are read in order, and its fields once.
        for (int b = 0; b < size; b++) {
            Sequence sequence = sequences.get(order[from + b]);
            int steps = sequence.length();
            double[] xs = sequence.inputs().data;
            double[] ys = sequence.targets().data;
            for (int t = 0; t < length; t++) {
                boolean inside = t < steps;
                if (inside) {
                    copy(xs, t * inputSize, inputs[t].data, b * inputSize, inputSize);
                    copy(ys, t * outputSize, targets[t].data, b * outputSize, outputSize);
                } else {
                    java.util.Arrays.fill(inputs[t].data, b * inputSize, (b + 1) * inputSize, 0.0);
                    java.util.Arrays.fill(targets[t].data, b * outputSize, (b + 1) * outputSize, 0.0);
                }
                boolean counts = inside && sequence.hasTarget(t);
                mask[t][b] = counts;
                if (counts) {
                    targetCount++;
                }
            }
        }
    }

    private static void shape(DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            m.reshape(rows, cols);
        }
    }

    /** A loop for short rows (one value per step, often), where a call of System.arraycopy costs more than the copy. */
    private static void copy(double[] source, int at, double[] target, int targetAt, int count) {
        if (count > 16) {
            System.arraycopy(source, at, target, targetAt, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[targetAt + i] = source[at + i];
            }
        }
    }

    private void ensureSteps(int steps) {
        if (inputs.length >= steps) {
            return;
        }
        int old = inputs.length;
        inputs = java.util.Arrays.copyOf(inputs, steps);
        targets = java.util.Arrays.copyOf(targets, steps);
        mask = java.util.Arrays.copyOf(mask, steps);
        for (int t = old; t < steps; t++) {
            inputs[t] = new DMatrixRMaj(1, inputSize);
            targets[t] = new DMatrixRMaj(1, outputSize);
            mask[t] = new boolean[0];
        }
    }

    /** Rows: sequences in the batch. */
    public int size() {
        return size;
    }

    /** Steps: the length of the longest sequence in the batch. */
    public int length() {
        return length;
    }

    /** x_t, batch × inputs. */
    public DMatrixRMaj input(int t) {
        return inputs[t];
    }

    /** x_0 … x_{length−1}: a view, valid until the next {@link #fill}. */
    public List<DMatrixRMaj> inputs() {
        return inputList;
    }

    /** Targets at step t, batch × outputs. */
    public DMatrixRMaj target(int t) {
        return targets[t];
    }

    /** Whether row {@code row} has a target at step {@code t}. */
    public boolean hasTarget(int t, int row) {
        return mask[t][row];
    }

    /** Number of (step, row) pairs with a target. */
    public int targetCount() {
        return targetCount;
    }
}
