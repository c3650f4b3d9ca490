package org.rnn4j.trainers;

import com.typesafe.config.Config;
import java.util.Map;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.UpdaterState;

/** {@code rmsprop}: Tieleman and Hinton (2012), s ← ρ·s + (1 − ρ)·g², θ ← θ − η·g / (√s + ε). */
public final class RmspropOptimizer implements Optimizer {

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public String description() {
        return "RMSprop (Tieleman & Hinton 2012)";
    }

    @Override
    public ParameterUpdater create(Config config, Parameters parameters) {
        Settings settings = new Settings(config, "rnn4j.trainer.optimizer");
        double rate = settings.number("learning-rate", Double.MIN_VALUE, Double.MAX_VALUE);
        double rho = settings.number("rho", 0, 1 - 1e-12);
        double epsilon = settings.number("epsilon", Double.MIN_VALUE, Double.MAX_VALUE);
        double[] mean = new double[parameters.size()];
        return new ParameterUpdater() {
            private double factor = 1;

            @Override
            public void update(Parameters theta, Parameters gradient) {
                var blocks = theta.blocks();
                var gradients = gradient.blocks();
                for (int b = 0; b < blocks.size(); b++) {
                    double[] value = blocks.get(b).value().data;
                    double[] g = gradients.get(b).value().data;
                    int offset = blocks.get(b).offset();
                    for (int i = 0, n = blocks.get(b).size(); i < n; i++) {
                        int k = offset + i;
                        mean[k] = rho * mean[k] + (1 - rho) * g[i] * g[i];
                        value[i] -= rate * factor * g[i] / (Math.sqrt(mean[k]) + epsilon);
                    }
                }
            }

            @Override
            public void setLearningRateFactor(double factor) {
                this.factor = factor;
            }

            @Override
            public Map<String, double[]> state() {
                return Map.of("mean-square", mean.clone(), "factor", new double[] {factor});
            }

            @Override
            public void restore(Map<String, double[]> state) {
                UpdaterState.copy(state, "mean-square", mean);
                factor = UpdaterState.scalar(state, "factor");
            }
        };
    }
}
