package org.rnn4j.api;

import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * How the engine turns the configured trainer and a training setup into the session that runs
 * each epoch. Locally the trainer starts it; a distributed runner (the {@code spark} module)
 * supplies a session that spreads each epoch's gradient over a cluster, while the engine keeps
 * everything else — data split, validation, early stopping, schedule, checkpoints — the same.
 */
@FunctionalInterface
public interface SessionFactory {

    /** The trainer's own session, in this JVM. */
    SessionFactory LOCAL = Trainer::start;

    /** Starts a session that trains {@code setup.network()} in place. */
    TrainingSession start(Trainer trainer, TrainingSetup setup);
}
