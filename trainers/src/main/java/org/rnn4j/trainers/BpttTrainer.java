package org.rnn4j.trainers;

import com.typesafe.config.Config;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * {@code bptt}: backpropagation through time. Each mini-batch of sequences is unfolded in time
 * and the gradient of the mean per-step loss is back-propagated through
 * {@link org.rnn4j.api.network.Network#backward}, from the last step to the first.
 *
 * <p>With {@code k1 = k2 = 0} (full BPTT) a batch is one update. Truncated BPTT(k1, k2), after
 * Williams and Peng (1990): the network runs on over the sequences; every {@code k1} steps (and
 * at a sequence's end) the losses of those k1 steps are back-propagated through the last
 * {@code k2} steps and the parameters updated; the state carries on across chunks. Memory grows
 * with the sequence length for full BPTT, with k2 for truncated.
 */
public final class BpttTrainer implements Trainer {

    @Override
    public String name() {
        return "bptt";
    }

    @Override
    public String description() {
        return "backpropagation through time, full or truncated BPTT(k1, k2), offline";
    }

    @Override
    public Updates updates(Config settings) {
        return new Settings(settings, "rnn4j.trainer").integer("k1", 0, Integer.MAX_VALUE) == 0
                ? Updates.ONCE_PER_BATCH : Updates.SEVERAL_PER_BATCH;
    }

    @Override
    public TrainingSession start(TrainingSetup setup) {
        Settings settings = new Settings(setup.settings(), "rnn4j.trainer");
        int k1 = settings.integer("k1", 0, Integer.MAX_VALUE);
        int k2 = settings.integer("k2", 0, Integer.MAX_VALUE);
        if ((k1 == 0) != (k2 == 0)) {
            throw settings.invalid(k1 == 0 ? "k1" : "k2", "k1 and k2 are both 0 (full BPTT) or both positive, got k1 = "
                    + k1 + ", k2 = " + k2);
        }
        if (k2 < k1) {
            throw settings.invalid("k2", "expected k2 ≥ k1 = " + k1 + " (the losses of the last k1 steps are"
                    + " back-propagated through k2 steps), got " + k2);
        }
        return new BpttSession(setup, k1, k2);
    }
}
