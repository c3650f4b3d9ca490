package org.rnn4j.api.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named collection of sequences of equal input and output widths, with the task's own
 * metrics.
 */
public record DataSet(String name, int inputSize, int outputSize, List<Sequence> sequences, List<TaskMetric> metrics) {

    public DataSet {
        requireNonNull(name, "name is null");
        sequences = List.copyOf(sequences);
        metrics = List.copyOf(metrics);
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
