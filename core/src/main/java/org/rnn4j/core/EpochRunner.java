package org.rnn4j.core;

import java.util.random.RandomGenerator;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.TrainingSession;

/**
 * A trainer's session on a network of its own, made by {@link Rnn4j#epochRunner}: a distributed
 * runner sets the parameters, runs an epoch, and reads what the updater it gave was handed.
 * A fault of the trainer comes out as a {@link org.rnn4j.api.PluginException} naming it.
 */
public final class EpochRunner {

    private final Network network;
    private final String trainer;
    private final TrainingSession session;

    EpochRunner(Network network, String trainer, TrainingSession session) {
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
        return trainer;
    }

    /** One pass over the session's data; returns the mean loss per target step. */
    public double runEpoch(int epoch, RandomGenerator random) {
        return session.runEpoch(epoch, random);
    }
}
