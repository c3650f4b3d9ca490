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

    /** How often a session updates the parameters in one pass over a batch of sequences. */
    enum Updates {
        /** Once, with the batch's whole gradient (full BPTT, RTRL per sequence): what data-parallel training needs. */
        ONCE_PER_BATCH,
        /** Several times (truncated BPTT, RTRL per step), or not declared. */
        SEVERAL_PER_BATCH
    }

    /**
     * How a session with {@code settings} (the effective trainer settings) updates; data-parallel
     * training reads it to refuse a trainer that would update within a pass, and the tck checks
     * that a session does what it declares. Undeclared: {@link Updates#SEVERAL_PER_BATCH}.
     */
    default Updates updates(com.typesafe.config.Config settings) {
        return Updates.SEVERAL_PER_BATCH;
    }

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
