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

    /** Whether {@link #online} gives a learner (RTRL: yes; BPTT, which needs whole sequences: no). */
    default boolean learnsOnline() {
        return false;
    }

    /**
     * A learner that trains {@code network} step by step as data arrives, if this trainer can
     * learn online (RTRL can; BPTT, which needs whole sequences, cannot).
     *
     * @param settings the effective trainer settings (the same block {@link #start} is given)
     * @throws InvalidInputException when this trainer cannot learn online
     */
    default org.rnn4j.api.training.OnlineLearner online(com.typesafe.config.Config settings,
            org.rnn4j.api.network.Network network, Loss loss, org.rnn4j.api.training.ParameterUpdater updater) {
        throw new InvalidInputException("the trainer '" + name() + "' cannot learn online, one step at a time; rtrl can");
    }
}
