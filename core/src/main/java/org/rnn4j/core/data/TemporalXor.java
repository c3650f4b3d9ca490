package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Settings;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.data.TaskMetric;

/**
 * {@code temporal-xor}, Elman's (1990) first task: a stream of bit triples a, b, a XOR b; the
 * network reads one bit per step and predicts the next. Two bits in three are random and cannot
 * be predicted better than 0.5 (squared error 0.25); the third is the XOR of the two before it
 * and can be predicted exactly by a network that remembers one step back. The best possible
 * mean squared error per step is therefore 1/6 ≈ 0.167.
 *
 * <p>Each sequence starts at the beginning of a triple, so the XOR targets are at steps
 * 2, 5, 8, … (counting from 1). Metrics: {@code xor-mse} at those steps, {@code random-mse} at
 * the others.
 */
public final class TemporalXor implements DataSource {

    @Override
    public String name() {
        return "temporal-xor";
    }

    @Override
    public String description() {
        return "Elman (1990): bit triples a, b, a XOR b; predict the next bit";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        Settings read = new Settings(settings, "rnn4j.data");
        int count = read.integer("sequences", 1, Integer.MAX_VALUE);
        int length = read.integer("length", 1, Integer.MAX_VALUE);
        DataSize.require(count, length, 2);
        List<Sequence> sequences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double[] bits = new double[length + 3];
            for (int i = 0; i + 2 < bits.length; i += 3) {
                int a = random.nextInt(2);
                int b = random.nextInt(2);
                bits[i] = a;
                bits[i + 1] = b;
                bits[i + 2] = a ^ b;
            }
            DMatrixRMaj inputs = new DMatrixRMaj(length, 1);
            DMatrixRMaj targets = new DMatrixRMaj(length, 1);
            for (int t = 0; t < length; t++) {
                inputs.data[t] = bits[t];
                targets.data[t] = bits[t + 1];
            }
            sequences.add(new Sequence(inputs, targets));
        }
        return new DataSet(name(), 1, 1, sequences, List.of(
                new PositionError("xor-mse", TemporalXor::isXorTarget),
                new PositionError("random-mse", t -> !isXorTarget(t))));
    }

    /** Whether the target of step t (from 0) is an XOR bit. */
    public static boolean isXorTarget(int t) {
        return t % 3 == 1;
    }

    /** Mean squared error of the prediction at the steps {@code which} selects. */
    private record PositionError(String name, IntPredicate which) implements TaskMetric {
        @Override
        public double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
            double sum = 0;
            long count = 0;
            for (int s = 0; s < sequences.size(); s++) {
                DMatrixRMaj targets = sequences.get(s).targets();
                DMatrixRMaj predicted = predictions.get(s);
                for (int t = 0; t < targets.numRows; t++) {
                    if (which.test(t)) {
                        double e = predicted.data[t] - targets.data[t];
                        sum += e * e;
                        count++;
                    }
                }
            }
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
