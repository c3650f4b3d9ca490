package org.rnn4j.core.engine;

import java.util.Map;

/**
 * A network's figures on a data set.
 *
 * @param lossPerStep mean loss per step that has a target
 * @param targetSteps how many steps had a target
 * @param metrics     the task's own metrics by name, in the order the data set gives them
 */
public record Evaluation(double lossPerStep, long targetSteps, Map<String, Double> metrics) {
    public Evaluation {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
