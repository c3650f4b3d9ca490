package org.rnn4j.core;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.config.ConfigLoader;

/**
 * A data set built from arrays a host already holds, to train on with
 * {@link Rnn4j#train(DataSet, org.rnn4j.api.training.TrainingListener...)} — no data source plugin
 * needed. The run's split, scaling and seed apply as to any data set; a model trained on it
 * records {@code rnn4j.data.type = in-memory}.
 *
 * <pre>{@code
 * DataSet data = InMemoryData.builder("sensor", 2, 1)
 *         .names(List.of("temperature", "load"), List.of("power"))
 *         .sequence(inputs, targets)                  // steps × 2 and steps × 1: a target every step
 *         .sequence(moreInputs, finalTarget)          // one target, at the last step
 *         .build();
 * }</pre>
 */
public final class InMemoryData {

    /** The {@code rnn4j.data.type} a model trained on data given in memory records. */
    public static final String TYPE = ConfigLoader.IN_MEMORY;

    private final String name;
    private final int inputs;
    private final int targets;
    private final List<Sequence> sequences = new ArrayList<>();
    private List<String> inputNames;
    private List<String> targetNames;

    private InMemoryData(String name, int inputs, int targets) {
        if (inputs <= 0 || targets <= 0) {
            throw new InvalidInputException("a data set needs at least one input and one target; got " + inputs + " and " + targets);
        }
        this.name = name;
        this.inputs = inputs;
        this.targets = targets;
        this.inputNames = DataSet.numbered("input", inputs);
        this.targetNames = DataSet.numbered("target", targets);
    }

    /** A builder of a data set called {@code name}, of {@code inputs} inputs and {@code targets} targets per step. */
    public static InMemoryData builder(String name, int inputs, int targets) {
        return new InMemoryData(name, inputs, targets);
    }

    /** The names of the inputs and targets, in order (kept by the trained model). */
    public InMemoryData names(List<String> inputNames, List<String> targetNames) {
        if (inputNames.size() != inputs || targetNames.size() != targets) {
            throw new InvalidInputException("expected " + inputs + " input names and " + targets + " target names; got "
                    + inputNames.size() + " and " + targetNames.size());
        }
        this.inputNames = List.copyOf(inputNames);
        this.targetNames = List.copyOf(targetNames);
        return this;
    }

    /** A sequence with a target at every step: {@code inputs} steps × inputs, {@code targets} steps × targets. */
    public InMemoryData sequence(double[][] inputs, double[][] targets) {
        boolean[] every = new boolean[inputs.length];
        java.util.Arrays.fill(every, true);
        return sequence(inputs, targets, every);
    }

    /** A sequence with targets only where {@code hasTarget} is true (the other rows of {@code targets} are not trained on; zeros will do). */
    public InMemoryData sequence(double[][] inputs, double[][] targets, boolean[] hasTarget) {
        int index = sequences.size() + 1;
        if (inputs.length == 0) {
            throw new InvalidInputException("sequence " + index + " has no steps");
        }
        if (targets.length != inputs.length || hasTarget.length != inputs.length) {
            throw new InvalidInputException("sequence " + index + ": " + inputs.length + " steps of inputs, "
                    + targets.length + " of targets and " + hasTarget.length + " target flags; expected as many of each");
        }
        sequences.add(new Sequence(matrix(inputs, this.inputs, index, "inputs"), matrix(targets, this.targets, index, "targets"),
                hasTarget.clone()));
        return this;
    }

    /** A sequence with one target, at its last step (the adding problem's shape, or a sequence's class). */
    public InMemoryData sequence(double[][] inputs, double[] finalTarget) {
        double[][] targets = new double[inputs.length][this.targets];
        boolean[] hasTarget = new boolean[inputs.length];
        if (inputs.length > 0) {
            targets[inputs.length - 1] = finalTarget;
            hasTarget[inputs.length - 1] = true;
        }
        return sequence(inputs, targets, hasTarget);
    }

    /** The data set. */
    public DataSet build() {
        if (sequences.isEmpty()) {
            throw new InvalidInputException("data set '" + name + "' has no sequences");
        }
        return new DataSet(name, inputs, targets, sequences, List.of(), inputNames, targetNames);
    }

    private static DMatrixRMaj matrix(double[][] rows, int width, int sequence, String what) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows.length, width);
        for (int t = 0; t < rows.length; t++) {
            if (rows[t] == null || rows[t].length != width) {
                throw new InvalidInputException("sequence " + sequence + ", step " + (t + 1) + ": expected " + width + " "
                        + what + ", got " + (rows[t] == null ? "none" : rows[t].length));
            }
            for (int k = 0; k < width; k++) {
                if (!Double.isFinite(rows[t][k])) {
                    throw new InvalidInputException("sequence " + sequence + ", step " + (t + 1) + ": " + what + " value "
                            + (k + 1) + " is " + rows[t][k] + "; values must be finite");
                }
            }
            System.arraycopy(rows[t], 0, matrix.data, t * width, width);
        }
        return matrix;
    }
}
