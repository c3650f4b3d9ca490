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

/**
 * {@code sine}: next-step prediction of a sine wave, x_t = amplitude · sin(2π t / period + φ)
 * with a random phase φ per sequence. The input is x_t, the target x_{t+1}. The current value
 * alone does not tell whether the wave is rising or falling, so a network needs memory of at
 * least one step to predict well.
 */
public final class Sine implements DataSource {

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String description() {
        return "sine wave with random phase; predict the next value";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        Settings read = new Settings(settings, "rnn4j.data");
        int count = read.integer("sequences", 1, Integer.MAX_VALUE);
        int length = read.integer("length", 1, Integer.MAX_VALUE);
        DataSize.require(count, length, 2);
        double period = read.number("period", 2, Double.MAX_VALUE);
        double amplitude = read.number("amplitude", Double.MIN_VALUE, Double.MAX_VALUE);
        double noise = read.number("noise", 0, Double.MAX_VALUE);
        List<Sequence> sequences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double phase = random.nextDouble(0, 2 * Math.PI);
            double[] wave = new double[length + 1];
            for (int t = 0; t <= length; t++) {
                wave[t] = amplitude * Math.sin(2 * Math.PI * t / period + phase)
                        + (noise > 0 ? noise * random.nextGaussian() : 0);
            }
            DMatrixRMaj inputs = new DMatrixRMaj(length, 1);
            DMatrixRMaj targets = new DMatrixRMaj(length, 1);
            System.arraycopy(wave, 0, inputs.data, 0, length);
            System.arraycopy(wave, 1, targets.data, 0, length);
            sequences.add(new Sequence(inputs, targets));
        }
        return new DataSet(name(), 1, 1, sequences, List.of(new RootMeanSquaredError()));
    }

    @Override
    public boolean isSeries(Config settings) {
        return true;
    }
}
