package org.rnn4j.api.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's figures on a data set.
 *
 * @param dataName    what was evaluated: "held-out sequences" or "training sequences"
 * @param sequences   how many sequences
 * @param lossPerStep mean loss per step that has a target
 * @param targetSteps how many steps had a target
 * @param metrics     the task's own metrics by name, in the order the data set gives them
 */
public record Evaluation(String dataName, int sequences, double lossPerStep, long targetSteps, Map<String, Double> metrics) {
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
