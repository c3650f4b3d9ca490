package org.rnn4j.core;

import java.util.random.RandomGenerator;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * A trainer's session on a network of its own, made by {@link Rnn4j#epochRunner}: a distributed
 * runner sets the parameters, runs an epoch, and reads what the updater it gave was handed.
 * A fault of the trainer comes out as a {@link org.rnn4j.api.PluginException} naming it. Close
 * it when done: the session may hold threads ({@code rnn4j.trainer.threads}).
 */
public final class EpochRunner implements AutoCloseable {

    private final Network network;
    private final Trainer trainer;
    private final TrainingSession session;

    EpochRunner(Network network, Trainer trainer, TrainingSession session) {
        this.network = network;
        this.trainer = trainer;
        this.session = session;
    }

    /** The network the session trains, in place. */
    public Network network() {
        return network;
    }

    /** The trainer's name. */
    public String trainer() {
        return trainer.name();
    }

    /** One pass over the session's data; returns the mean loss per target step. */
    public double runEpoch(int epoch, RandomGenerator random) {
        return PluginRegistry.call(trainer, () -> session.runEpoch(epoch, random));
    }

    /** Ends the session: its threads, if it has any. */
    @Override
    public void close() {
        PluginRegistry.call(trainer, () -> {
            session.close();
            return null;
        });
    }
}
