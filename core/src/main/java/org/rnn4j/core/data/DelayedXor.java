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
 * {@code delayed-xor}: a stream of random bits; the target at step t is the XOR of the bits
 * {@code delay} and {@code delay + 1} steps back, x_{t−d} XOR x_{t−d−1}. The first
 * {@code delay + 1} steps have no target.
 *
 * <p>With {@code delay = 0} the network must answer at once, which needs a hidden layer between
 * the input and the output (Elman); a fully recurrent network, whose outputs are one layer of
 * units over the current input and the previous step's units, needs {@code delay ≥ 1}: one
 * step to form the features of the two bits, one to combine them. Metric: {@code accuracy}, the
 * share of targets matched by the output rounded at 0.5.
 */
public final class DelayedXor implements DataSource {

    @Override
    public String name() {
        return "delayed-xor";
    }

    @Override
    public String description() {
        return "random bits; target x[t-delay] XOR x[t-delay-1]";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        Settings read = new Settings(settings, "rnn4j.data");
        int count = read.integer("sequences", 1, Integer.MAX_VALUE);
        int length = read.integer("length", 1, Integer.MAX_VALUE);
        DataSize.require(count, length, 2);
        int delay = read.integer("delay", 0, Integer.MAX_VALUE);
        if (length <= delay + 1) {
            throw read.invalid("length", "expected more than delay + 1 = " + (delay + 1) + " steps, got " + length);
        }
        List<Sequence> sequences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            DMatrixRMaj inputs = new DMatrixRMaj(length, 1);
            DMatrixRMaj targets = new DMatrixRMaj(length, 1);
            boolean[] hasTarget = new boolean[length];
            for (int t = 0; t < length; t++) {
                inputs.data[t] = random.nextInt(2);
            }
            for (int t = delay + 1; t < length; t++) {
                targets.data[t] = ((int) inputs.data[t - delay]) ^ ((int) inputs.data[t - delay - 1]);
                hasTarget[t] = true;
            }
            sequences.add(new Sequence(inputs, targets, hasTarget));
        }
        return new DataSet(name(), 1, 1, sequences, List.of(new Accuracy()));
    }

    /** Share of target steps whose output, rounded at 0.5, equals the target bit. */
    private static final class Accuracy implements TaskMetric {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
            long right = 0;
            long all = 0;
            for (int s = 0; s < sequences.size(); s++) {
                Sequence sequence = sequences.get(s);
                for (int t = 0; t < sequence.length(); t++) {
                    if (sequence.hasTarget(t)) {
                        all++;
                        if ((predictions.get(s).data[t] >= 0.5) == (sequence.targets().data[t] >= 0.5)) {
                            right++;
                        }
                    }
                }
            }
            return all == 0 ? Double.NaN : (double) right / all;
        }
    }
}
