package org.rnn4j.api.training;

import org.rnn4j.api.network.Parameters;

/** Changes one network's parameters from a gradient, keeping its own state (momentum, moments). */
public interface ParameterUpdater {

    /** θ ← update(θ, ∂L/∂θ), in place. {@code gradient} has the layout of {@code parameters}. */
    void update(Parameters parameters, Parameters gradient);
}
