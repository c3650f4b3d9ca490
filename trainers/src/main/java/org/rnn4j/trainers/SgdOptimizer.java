package org.rnn4j.trainers;

import com.typesafe.config.Config;
import java.util.Map;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.UpdaterState;

/**
 * {@code sgd}: gradient descent with momentum, v ← μ·v − η·g, then θ ← θ + v (classical) or
 * θ ← θ + μ·v − η·g (Nesterov, in the form of Sutskever et al. 2013).
 */
public final class SgdOptimizer implements Optimizer {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "stochastic gradient descent with momentum, classical or Nesterov";
    }

    @Override
    public ParameterUpdater create(Config config, Parameters parameters) {
        Settings settings = new Settings(config, "rnn4j.trainer.optimizer");
        double rate = settings.number("learning-rate", Double.MIN_VALUE, Double.MAX_VALUE);
        double momentum = settings.number("momentum", 0, 1);
        boolean nesterov = settings.flag("nesterov");
        double[] velocity = new double[parameters.size()];
        return new ParameterUpdater() {
            private double factor = 1;

            @Override
            public void update(Parameters theta, Parameters gradient) {
                double eta = rate * factor;
                var blocks = theta.blocks();
                var gradients = gradient.blocks();
                for (int b = 0; b < blocks.size(); b++) {
                    double[] value = blocks.get(b).value().data;
                    double[] g = gradients.get(b).value().data;
                    int offset = blocks.get(b).offset();
                    for (int i = 0, n = blocks.get(b).size(); i < n; i++) {
                        double v = momentum * velocity[offset + i] - eta * g[i];
                        velocity[offset + i] = v;
                        value[i] += nesterov ? momentum * v - eta * g[i] : v;
                    }
                }
            }

            @Override
            public void setLearningRateFactor(double factor) {
                this.factor = factor;
            }

            @Override
            public Map<String, double[]> state() {
                return Map.of("velocity", velocity.clone(), "factor", new double[] {factor});
            }

            @Override
            public void restore(Map<String, double[]> state) {
                UpdaterState.copy(state, "velocity", velocity);
                factor = UpdaterState.scalar(state, "factor");
            }
        };
    }
}
