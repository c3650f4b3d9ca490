package org.rnn4j.api;

import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * A training algorithm ({@code bptt}, {@code rtrl}): a factory of training sessions.
 *
 * <p>A trainer works through the {@link org.rnn4j.api.network.Network} contract alone, so it
 * trains every topology, a third party's included. The framework owns the loop over epochs
 * (stopping, events, checkpoints); the session owns what one epoch does.
 */
public interface Trainer extends Plugin {

    /**
     * Starts a session that trains {@code setup.network()} in place.
     *
     * @throws InvalidInputException when a setting is out of range
     */
    TrainingSession start(TrainingSetup setup);
}
