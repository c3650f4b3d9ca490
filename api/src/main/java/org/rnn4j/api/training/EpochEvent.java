package org.rnn4j.api.training;

import java.util.Map;

/**
 * Sent after each epoch.
 *
 * @param epoch          the epoch, from 1
 * @param epochs         epochs planned in all
 * @param trainLoss      mean loss per target step during the epoch
 * @param validationLoss mean loss per target step on the validation sequences after the epoch,
 *                       or NaN when there are none
 * @param metrics        the task's metrics on the validation sequences (empty when there are none)
 */
public record EpochEvent(int epoch, int epochs, double trainLoss, double validationLoss, Map<String, Double> metrics) {
    public EpochEvent {
        metrics = Map.copyOf(metrics);
    }

    /** An event without validation figures. */
    public EpochEvent(int epoch, int epochs, double trainLoss) {
        this(epoch, epochs, trainLoss, Double.NaN, Map.of());
    }
}
