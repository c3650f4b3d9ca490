package org.rnn4j.api.data;

import static java.util.Objects.requireNonNull;

import org.ejml.data.DMatrixRMaj;

/**
 * One sequence of a data set: an input row and a target row per time step.
 *
 * @param inputs    T × inputs, row t is x_t
 * @param targets   T × outputs, row t is the target of y_t
 * @param hasTarget which steps have a target (the others do not count in the loss), or null
 *                  when every step has one
 */
public record Sequence(DMatrixRMaj inputs, DMatrixRMaj targets, boolean[] hasTarget) {

    public Sequence {
        requireNonNull(inputs, "inputs is null");
        requireNonNull(targets, "targets is null");
        if (inputs.numRows == 0) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        if (targets.numRows != inputs.numRows) {
            throw new IllegalArgumentException("inputs have " + inputs.numRows + " steps but targets " + targets.numRows);
        }
        if (hasTarget != null && hasTarget.length != inputs.numRows) {
            throw new IllegalArgumentException("hasTarget has " + hasTarget.length + " steps, the sequence " + inputs.numRows);
        }
    }

    /** A sequence with a target at every step. */
    public Sequence(DMatrixRMaj inputs, DMatrixRMaj targets) {
        this(inputs, targets, null);
    }

    /**
     * Its first {@code steps} steps, with targets kept only at steps {@code from … steps − 1} (and
     * where this sequence has one): a series cut for training, validation or a held-out future,
     * the steps before {@code from} warming the state up.
     */
    public Sequence head(int steps, int from) {
        if (steps < 1 || steps > length() || from < 0) {
            throw new IllegalArgumentException("cannot take " + steps + " steps from step " + from + " of " + length());
        }
        DMatrixRMaj x = new DMatrixRMaj(steps, inputs.numCols);
        DMatrixRMaj y = new DMatrixRMaj(steps, targets.numCols);
        System.arraycopy(inputs.data, 0, x.data, 0, steps * inputs.numCols);
        System.arraycopy(targets.data, 0, y.data, 0, steps * targets.numCols);
        boolean[] mask = new boolean[steps];
        for (int t = from; t < steps; t++) {
            mask[t] = hasTarget(t);
        }
        return new Sequence(x, y, mask);
    }

    /** T, the number of steps. */
    public int length() {
        return inputs.numRows;
    }

    /** Whether step {@code t} has a target. */
    public boolean hasTarget(int t) {
        return hasTarget == null || hasTarget[t];
    }
}
