package org.rnn4j.api.training;

import java.util.random.RandomGenerator;

/**
 * One network being trained by one trainer; the framework calls it once per epoch, and closes it
 * when the run ends.
 */
public interface TrainingSession extends AutoCloseable {

    /**
     * One pass over the training data, updating the parameters.
     *
     * @param epoch  1 for the first epoch
     * @param random seeded for this epoch alone (to shuffle the sequences), so that an epoch's
     *               result depends only on the seed, the epoch and the parameters before it
     * @return the mean loss per target step seen during the pass
     */
    double runEpoch(int epoch, RandomGenerator random);

    /** Releases what the session holds beyond memory (threads); the framework calls it once, when the run ends. */
    @Override
    default void close() {
    }
}
