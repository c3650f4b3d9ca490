package org.rnn4j.core;

import java.util.random.RandomGenerator;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.TrainingSession;

/**
 * A trainer's session on a network of its own, made by {@link Rnn4j#epochRunner}: a distributed
 * runner sets the parameters, runs an epoch, and reads what the updater it gave was handed.
 * A fault of the trainer comes out as a {@link org.rnn4j.api.PluginException} naming it. Close
 * it when done: the session may hold threads ({@code rnn4j.trainer.threads}).
 */
public final class EpochRunner implements AutoCloseable {

    private final Network network;
    private final String trainer;
    private final TrainingSession session;
    private final AutoCloseable closing;

    EpochRunner(Network network, String trainer, TrainingSession session, AutoCloseable closing) {
        this.network = network;
        this.trainer = trainer;
        this.session = session;
        this.closing = closing;
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

    /** Ends the session: its threads, if it has any. */
    @Override
    public void close() {
        try {
            closing.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
