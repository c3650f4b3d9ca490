package org.rnn4j.core.config;

import java.util.List;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

/**
 * What is done to every gradient before the optimizer sees it, whatever the trainer: clipping
 * each component to ±{@code clipValue}, rescaling the whole vector when its norm exceeds
 * {@code clipNorm}, and weight decay (adding λ·w for every block the network declares as decaying:
 * weights, not biases — {@link Parameters.Block#decays()}). A
 * value of 0 turns each off.
 *
 * @param clipValue   {@code rnn4j.trainer.clip-value}
 * @param clipNorm    {@code rnn4j.trainer.clip-norm}
 * @param weightDecay {@code rnn4j.trainer.weight-decay}, λ
 */
public record GradientPolicy(double clipValue, double clipNorm, double weightDecay) {

    /** Whether the policy leaves gradients as they are. */
    public boolean none() {
        return clipValue == 0 && clipNorm == 0 && weightDecay == 0;
    }

    /** {@code optimizer} behind this policy. */
    public ParameterUpdater wrap(ParameterUpdater optimizer) {
        if (none()) {
            return optimizer;
        }
        return new ParameterUpdater() {
            @Override
            public void update(Parameters parameters, Parameters gradient) {
                apply(parameters, gradient);
                optimizer.update(parameters, gradient);
            }

            @Override
            public void setLearningRateFactor(double factor) {
                optimizer.setLearningRateFactor(factor);
            }

            @Override
            public java.util.Map<String, double[]> state() {
                return optimizer.state();
            }

            @Override
            public void restore(java.util.Map<String, double[]> state) {
                optimizer.restore(state);
            }
        };
    }

    /** Applies the policy to {@code gradient} in place. */
    void apply(Parameters parameters, Parameters gradient) {
        List<Parameters.Block> blocks = gradient.blocks();
        if (weightDecay > 0) {
            for (int b = 0; b < blocks.size(); b++) {
                Parameters.Block block = parameters.blocks().get(b);
                if (!block.decays()) {
                    continue; // a bias, as the network declared
                }
                double[] g = blocks.get(b).value().data;
                double[] w = block.value().data;
                for (int i = 0, n = block.size(); i < n; i++) {
                    g[i] += weightDecay * w[i];
                }
            }
        }
        if (clipValue > 0) {
            for (Parameters.Block block : blocks) {
                double[] g = block.value().data;
                for (int i = 0, n = block.size(); i < n; i++) {
                    g[i] = Math.max(-clipValue, Math.min(clipValue, g[i]));
                }
            }
        }
        if (clipNorm > 0) {
            double squares = 0;
            for (Parameters.Block block : blocks) {
                double[] g = block.value().data;
                for (int i = 0, n = block.size(); i < n; i++) {
                    squares += g[i] * g[i];
                }
            }
            double norm = Math.sqrt(squares);
            if (norm > clipNorm) {
                double scale = clipNorm / norm;
                for (Parameters.Block block : blocks) {
                    double[] g = block.value().data;
                    for (int i = 0, n = block.size(); i < n; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
    }
}
