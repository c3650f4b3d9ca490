package org.rnn4j.api.training;

import java.util.Map;

/** Helpers for {@link ParameterUpdater#state()} and {@link ParameterUpdater#restore}. */
public final class UpdaterState {

    private UpdaterState() {
    }

    /** Copies {@code state.get(name)} into {@code target}, which it must match in length. */
    public static void copy(Map<String, double[]> state, String name, double[] target) {
        double[] source = state.get(name);
        if (source == null) {
            throw new IllegalArgumentException("optimizer state has no '" + name + "'; it has " + state.keySet());
        }
        if (source.length != target.length) {
            throw new IllegalArgumentException("optimizer state '" + name + "' has " + source.length
                    + " values, expected " + target.length);
        }
        System.arraycopy(source, 0, target, 0, target.length);
    }

    /** The single value stored under {@code name}. */
    public static double scalar(Map<String, double[]> state, String name) {
        double[] value = new double[1];
        copy(state, name, value);
        return value[0];
    }
}
