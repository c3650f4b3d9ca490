package org.rnn4j.api.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's state at the end of an epoch — everything needed to continue it and end exactly where
 * an uninterrupted run would. Random numbers need no state of their own: each epoch draws from a
 * stream derived from the seed and the epoch alone.
 *
 * @param epoch          the last completed epoch
 * @param parameters     θ after it, flat
 * @param optimizer      the optimizer's state ({@link org.rnn4j.api.training.ParameterUpdater#state()})
 * @param history        the epochs so far
 * @param bestParameters for early stopping: θ of the best epoch so far, or null
 * @param bestLoss       its validation loss (infinite when none yet)
 * @param bestEpoch      its epoch (0 when none yet)
 */
public record Checkpoint(int epoch, double[] parameters, Map<String, double[]> optimizer, List<EpochRecord> history,
                         double[] bestParameters, double bestLoss, int bestEpoch) {
    public Checkpoint {
        parameters = parameters.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        optimizer.forEach((name, values) -> copy.put(name, values.clone()));
        optimizer = java.util.Collections.unmodifiableMap(copy);
        history = List.copyOf(history);
        bestParameters = bestParameters == null ? null : bestParameters.clone();
    }

    /** Where a run's checkpoints go. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Keeps {@code checkpoint}, replacing the previous one; must not leave a half-written copy.
         * {@code network} gives the parameters' layout (its values may have moved on since).
         */
        void save(Checkpoint checkpoint, org.rnn4j.api.network.Network network);
    }
}
