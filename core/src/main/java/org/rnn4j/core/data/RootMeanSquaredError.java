package org.rnn4j.core.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.data.TaskMetric;

/** {@code rmse}: the root mean squared error over the steps that have a target, in the data's own units. */
final class RootMeanSquaredError implements TaskMetric {

    @Override
    public String name() {
        return "rmse";
    }

    @Override
    public double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
        double sum = 0;
        long count = 0;
        for (int s = 0; s < sequences.size(); s++) {
            Sequence sequence = sequences.get(s);
            DMatrixRMaj prediction = predictions.get(s);
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.hasTarget(t)) {
                    for (int k = 0; k < prediction.numCols; k++) {
                        double e = prediction.get(t, k) - sequence.targets().get(t, k);
                        sum += e * e;
                        count++;
                    }
                }
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }
}
