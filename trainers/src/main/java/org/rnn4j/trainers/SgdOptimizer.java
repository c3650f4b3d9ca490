package org.rnn4j.trainers;

import com.typesafe.config.Config;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

/** {@code sgd}: gradient descent with classical momentum, v ← μ·v − η·g, θ ← θ + v. */
public final class SgdOptimizer implements Optimizer {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "stochastic gradient descent with momentum";
    }

    @Override
    public ParameterUpdater create(Config config, Parameters parameters) {
        Settings settings = new Settings(config, "rnn4j.trainer.optimizer");
        double rate = settings.number("learning-rate", Double.MIN_VALUE, Double.MAX_VALUE);
        double momentum = settings.number("momentum", 0, 1);
        double[] velocity = new double[parameters.size()];
        return (theta, gradient) -> {
            var blocks = theta.blocks();
            var gradients = gradient.blocks();
            for (int b = 0; b < blocks.size(); b++) {
                double[] value = blocks.get(b).value().data;
                double[] g = gradients.get(b).value().data;
                int offset = blocks.get(b).offset();
                for (int i = 0, n = blocks.get(b).size(); i < n; i++) {
                    double v = momentum * velocity[offset + i] - rate * g[i];
                    velocity[offset + i] = v;
                    value[i] += v;
                }
            }
        };
    }
}
