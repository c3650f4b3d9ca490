package org.rnn4j.trainers;

import org.rnn4j.api.Trainer;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * {@code bptt}: backpropagation through time. Each mini-batch of sequences is unfolded over all
 * its steps; the gradient of the mean per-step loss is back-propagated from the last step to the
 * first through {@link org.rnn4j.api.network.Network#backward}, and the parameters are updated
 * once per batch. Memory grows with the length of the longest sequence of a batch.
 */
public final class BpttTrainer implements Trainer {

    @Override
    public String name() {
        return "bptt";
    }

    @Override
    public String description() {
        return "backpropagation through time over whole sequences, offline";
    }

    @Override
    public TrainingSession start(TrainingSetup setup) {
        return new BpttSession(setup);
    }
}
