package org.rnn4j.api.training;

import org.rnn4j.api.network.Parameters;

/** Changes one network's parameters from a gradient, keeping its own state (momentum, moments). */
public interface ParameterUpdater {

    /** θ ← update(θ, ∂L/∂θ), in place. {@code gradient} has the layout of {@code parameters}. */
    void update(Parameters parameters, Parameters gradient);

    /**
     * Scales the configured learning rate by {@code factor} from now on (a learning-rate
     * schedule sets it before each epoch). Optimizers without a learning rate ignore it.
     */
    default void setLearningRateFactor(double factor) {
    }
}
