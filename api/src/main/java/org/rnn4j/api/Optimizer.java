package org.rnn4j.api;

import com.typesafe.config.Config;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

/**
 * A gradient-based optimizer ({@code sgd}, {@code adam}, …): a factory of the stateful
 * {@link ParameterUpdater} that changes one network's parameters.
 */
public interface Optimizer extends Plugin {

    /**
     * Makes an updater for {@code parameters}.
     *
     * @param settings the effective optimizer settings: the run's {@code rnn4j.trainer.optimizer}
     *                 over this optimizer's defaults in {@code rnn4j.optimizers.<name>}
     * @throws InvalidInputException when a setting is out of range
     */
    ParameterUpdater create(Config settings, Parameters parameters);

    /**
     * Whether this optimizer is meant for full-batch gradients (the sign-based {@code rprop});
     * the framework warns when it is given mini-batches.
     */
    default boolean fullBatch() {
        return false;
    }
}
