package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Settings;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.data.TaskMetric;

/**
 * {@code adding}: Hochreiter and Schmidhuber's (1997) adding problem. Each step is a pair: a
 * value in [−1, 1] and a marker. Two steps are marked 1.0 — one among the first ten, one among
 * the first half of the sequence — and the first and last steps −1.0; every other marker is 0.
 * At the last step, and only there, the target is 0.5 + (X1 + X2) / 4, X1 and X2 being the
 * marked values. Lengths are drawn from [length, length + length / 10]. Metric:
 * {@code accuracy}, the share of sequences whose answer is within 0.04 of the target.
 */
public final class Adding implements DataSource {

    /** The absolute error under which an answer counts as correct. */
    static final double TOLERANCE = 0.04;

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public String description() {
        return "Hochreiter & Schmidhuber (1997): add the two marked values of a long sequence";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        Settings read = new Settings(settings, "rnn4j.data");
        int count = read.integer("sequences", 1, Integer.MAX_VALUE);
        int minimum = read.integer("length", 4, Integer.MAX_VALUE);
        DataSize.require(count, minimum + minimum / 10, 3);
        List<Sequence> sequences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int length = minimum + random.nextInt(minimum / 10 + 1);
            DMatrixRMaj inputs = new DMatrixRMaj(length, 2);
            for (int t = 0; t < length; t++) {
                inputs.set(t, 0, random.nextDouble(-1, 1));
            }
            inputs.set(0, 1, -1);
            inputs.set(length - 1, 1, -1);
            int first = 1 + random.nextInt(Math.min(10, length / 2 - 1));
            int second;
            do {
                second = 1 + random.nextInt(length / 2 - 1);
            } while (second == first);
            inputs.set(first, 1, 1);
            inputs.set(second, 1, 1);
            DMatrixRMaj targets = new DMatrixRMaj(length, 1);
            targets.set(length - 1, 0, 0.5 + (inputs.get(first, 0) + inputs.get(second, 0)) / 4);
            boolean[] hasTarget = new boolean[length];
            hasTarget[length - 1] = true;
            sequences.add(new Sequence(inputs, targets, hasTarget));
        }
        return new DataSet(name(), 2, 1, sequences, List.of(new Accuracy()));
    }

    /** Share of sequences answered within {@value Adding#TOLERANCE}. */
    private static final class Accuracy implements TaskMetric {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
            long right = 0;
            for (int s = 0; s < sequences.size(); s++) {
                int last = sequences.get(s).length() - 1;
                if (Math.abs(predictions.get(s).get(last, 0) - sequences.get(s).targets().get(last, 0)) < TOLERANCE) {
                    right++;
                }
            }
            return sequences.isEmpty() ? Double.NaN : (double) right / sequences.size();
        }
    }
}
