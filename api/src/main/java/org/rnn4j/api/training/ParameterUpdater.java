package org.rnn4j.api.training;

import java.util.Map;
import org.rnn4j.api.network.Parameters;

/**
 * Changes one network's parameters from a gradient, keeping its own state (momentum, moments).
 *
 * <p>The state is exported and restored as named arrays, so that a checkpoint can resume an
 * optimizer exactly where it was.
 */
public interface ParameterUpdater {

    /** θ ← update(θ, ∂L/∂θ), in place. {@code gradient} has the layout of {@code parameters}. */
    void update(Parameters parameters, Parameters gradient);

    /**
     * Scales the configured learning rate by {@code factor} from now on (a learning-rate
     * schedule sets it before each epoch). Optimizers without a learning rate ignore it.
     */
    default void setLearningRateFactor(double factor) {
    }

    /** A copy of the state as named arrays (scalars as arrays of one); empty for a stateless updater. */
    default Map<String, double[]> state() {
        return Map.of();
    }

    /**
     * Takes back a state from {@link #state()} of an updater made with the same settings for the
     * same parameters.
     *
     * @throws IllegalArgumentException when a name is missing or an array has the wrong length
     */
    default void restore(Map<String, double[]> state) {
    }
}
