package org.rnn4j.api.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A figure of merit particular to a task, reported beside the loss: the error at the
 * predictable positions of temporal XOR, the share of legal next symbols of a grammar, ….
 */
public interface TaskMetric {

    /** A short lower-case name, shown beside the value and used as a column name. */
    String name();

    /**
     * The metric over {@code sequences}, given the network's predictions for each (T × outputs,
     * after {@link org.rnn4j.api.Loss#predict}).
     */
    double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions);
}
