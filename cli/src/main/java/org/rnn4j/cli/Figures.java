package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.Map;

/** A run's or a model's task metrics, one aligned line each, as train and eval print them. */
final class Figures {

    private Figures() {
    }

    static void print(PrintWriter out, Map<String, Double> metrics) {
        int width = Math.max(14, metrics.keySet().stream().mapToInt(String::length).max().orElse(0));
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            out.printf("  %-" + width + "s %.5f%n", metric.getKey(), metric.getValue());
        }
    }
}
