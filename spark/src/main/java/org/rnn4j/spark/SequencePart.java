package org.rnn4j.spark;

import java.io.Serializable;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/**
 * One partition's training sequences in a form Java serialization takes (the api's
 * {@code Sequence} record is not {@code Serializable}; its EJML matrices are), broadcast once to
 * the executor that needs it.
 */
record SequencePart(String dataName, int inputs, int outputs, List<Stored> sequences) implements Serializable {

    /** A sequence's matrices and target mask. */
    record Stored(DMatrixRMaj inputs, DMatrixRMaj targets, boolean[] hasTarget) implements Serializable {
    }

    static SequencePart of(DataSet data, List<Sequence> sequences) {
        return new SequencePart(data.name(), data.inputSize(), data.outputSize(), sequences.stream()
                .map(sequence -> new Stored(sequence.inputs(), sequence.targets(), sequence.hasTarget())).toList());
    }

    /** The sequences as a data set (without the task's metrics, which training does not use). */
    DataSet dataSet() {
        return new DataSet(dataName, inputs, outputs, sequences.stream()
                .map(stored -> new Sequence(stored.inputs(), stored.targets(), stored.hasTarget())).toList(), List.of());
    }
}
