package org.rnn4j.trainers;

import com.typesafe.config.Config;
import java.util.Map;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.UpdaterState;

/**
 * {@code rprop}: resilient propagation, iRprop− (Riedmiller and Braun 1993; Igel and Hüsken
 * 2000), the classic trainer of Elman and Jordan networks. Each parameter has its own step,
 * grown by {@code increase} while its gradient keeps its sign and shrunk by {@code decrease}
 * when the sign flips (and that step is skipped); only the sign of the gradient is used. Meant
 * for full-batch gradients ({@code batch-size} at least the number of training sequences).
 */
public final class RpropOptimizer implements Optimizer {

    @Override
    public String name() {
        return "rprop";
    }

    @Override
    public String description() {
        return "resilient propagation iRprop-, full-batch, sign-based";
    }

    @Override
    public boolean fullBatch() {
        return true;
    }

    @Override
    public ParameterUpdater create(Config config, Parameters parameters) {
        Settings settings = new Settings(config, "rnn4j.trainer.optimizer");
        double initial = settings.number("initial-step", Double.MIN_VALUE, Double.MAX_VALUE);
        double increase = settings.number("increase", 1, Double.MAX_VALUE);
        double decrease = settings.number("decrease", Double.MIN_VALUE, 1);
        double maxStep = settings.number("max-step", Double.MIN_VALUE, Double.MAX_VALUE);
        double minStep = settings.number("min-step", 0, maxStep);
        double[] step = new double[parameters.size()];
        double[] previous = new double[parameters.size()];
        java.util.Arrays.fill(step, initial);
        return new ParameterUpdater() {
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
                    double agreement = g[i] * previous[k];
                    if (agreement > 0) {
                        step[k] = Math.min(step[k] * increase, maxStep);
                    } else if (agreement < 0) {
                        step[k] = Math.max(step[k] * decrease, minStep);
                        previous[k] = 0;
                        continue;
                    }
                    value[i] -= Math.signum(g[i]) * step[k];
                    previous[k] = g[i];
                }
            }
            }

            @Override
            public Map<String, double[]> state() {
                return Map.of("step", step.clone(), "previous-gradient", previous.clone());
            }

            @Override
            public void restore(Map<String, double[]> state) {
                UpdaterState.copy(state, "step", step);
                UpdaterState.copy(state, "previous-gradient", previous);
            }
        };
    }
}
