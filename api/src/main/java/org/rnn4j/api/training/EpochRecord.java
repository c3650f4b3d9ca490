package org.rnn4j.api.training;

import java.util.Map;

/**
 * One epoch of a run's history.
 *
 * @param epoch          from 1
 * @param trainLoss      mean training loss per target step during the epoch
 * @param validationLoss on the validation sequences after the epoch, NaN without them
 * @param metrics        the task's metrics on the validation sequences (empty without them)
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, Map<String, Double> metrics) {
    public EpochRecord {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
