package org.rnn4j.trainers;

import com.typesafe.config.Config;
import java.util.Map;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.UpdaterState;

/** {@code adam}: Kingma and Ba (2015), moment estimates with bias correction. */
public final class AdamOptimizer implements Optimizer {

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam (Kingma & Ba 2015)";
    }

    @Override
    public ParameterUpdater create(Config config, Parameters parameters) {
        Settings settings = new Settings(config, "rnn4j.trainer.optimizer");
        return new Updater(parameters.size(),
                settings.number("learning-rate", Double.MIN_VALUE, Double.MAX_VALUE),
                settings.number("beta1", 0, 1 - 1e-12),
                settings.number("beta2", 0, 1 - 1e-12),
                settings.number("epsilon", Double.MIN_VALUE, Double.MAX_VALUE));
    }

    private static final class Updater implements ParameterUpdater {
        private final double rate;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[] first;
        private final double[] second;
        private long steps;
        private double factor = 1;

        Updater(int size, double rate, double beta1, double beta2, double epsilon) {
            this.rate = rate;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.first = new double[size];
            this.second = new double[size];
        }

        @Override
        public void setLearningRateFactor(double factor) {
            this.factor = factor;
        }

        @Override
        public Map<String, double[]> state() {
            return Map.of("first-moment", first.clone(), "second-moment", second.clone(),
                    "steps", new double[] {steps}, "factor", new double[] {factor});
        }

        @Override
        public void restore(Map<String, double[]> state) {
            UpdaterState.copy(state, "first-moment", first);
            UpdaterState.copy(state, "second-moment", second);
            steps = (long) UpdaterState.scalar(state, "steps");
            factor = UpdaterState.scalar(state, "factor");
        }

        @Override
        public void update(Parameters parameters, Parameters gradient) {
            steps++;
            double correction1 = 1 - Math.pow(beta1, steps);
            double correction2 = 1 - Math.pow(beta2, steps);
            var blocks = parameters.blocks();
            var gradients = gradient.blocks();
            for (int b = 0; b < blocks.size(); b++) {
                double[] value = blocks.get(b).value().data;
                double[] g = gradients.get(b).value().data;
                int offset = blocks.get(b).offset();
                for (int i = 0, n = blocks.get(b).size(); i < n; i++) {
                    int k = offset + i;
                    first[k] = beta1 * first[k] + (1 - beta1) * g[i];
                    second[k] = beta2 * second[k] + (1 - beta2) * g[i] * g[i];
                    double m = first[k] / correction1;
                    double v = second[k] / correction2;
                    value[i] -= rate * factor * m / (Math.sqrt(v) + epsilon);
                }
            }
        }
    }
}
