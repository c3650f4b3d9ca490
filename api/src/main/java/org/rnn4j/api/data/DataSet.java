package org.rnn4j.api.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named collection of sequences of equal input and output widths, with the task's own
 * metrics and the names of its input and target columns (a trained model keeps them).
 */
public record DataSet(String name, int inputSize, int outputSize, List<Sequence> sequences, List<TaskMetric> metrics,
                      List<String> inputNames, List<String> targetNames) {

    /** A data set whose columns are called {@code input_1 …} and {@code target_1 …}. */
    public DataSet(String name, int inputSize, int outputSize, List<Sequence> sequences, List<TaskMetric> metrics) {
        this(name, inputSize, outputSize, sequences, metrics, numbered("input", inputSize), numbered("target", outputSize));
    }

    /** {@code prefix_1 … prefix_count}. */
    public static List<String> numbered(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "_" + i).toList();
    }

    /** The same data set with other sequences of the same widths (a split of it, say). */
    public DataSet withSequences(List<Sequence> others) {
        return new DataSet(name, inputSize, outputSize, others, metrics, inputNames, targetNames);
    }

    public DataSet {
        requireNonNull(name, "name is null");
        sequences = List.copyOf(sequences);
        metrics = List.copyOf(metrics);
        inputNames = List.copyOf(inputNames);
        targetNames = List.copyOf(targetNames);
        if (inputNames.size() != inputSize || targetNames.size() != outputSize) {
            throw new IllegalArgumentException("data set '" + name + "': " + inputNames.size() + " input names and "
                    + targetNames.size() + " target names for " + inputSize + " inputs and " + outputSize + " targets");
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("data set '" + name + "' has no sequences");
        }
        for (int i = 0; i < sequences.size(); i++) {
            Sequence sequence = sequences.get(i);
            if (sequence.inputs().numCols != inputSize || sequence.targets().numCols != outputSize) {
                throw new IllegalArgumentException("data set '" + name + "': sequence " + i + " is "
                        + sequence.inputs().numCols + " inputs → " + sequence.targets().numCols
                        + " outputs, expected " + inputSize + " → " + outputSize);
            }
        }
    }

    /** Number of steps that have a target, over all sequences. */
    public long targetSteps() {
        long count = 0;
        for (Sequence sequence : sequences) {
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.hasTarget(t)) {
                    count++;
                }
            }
        }
        return count;
    }
}
