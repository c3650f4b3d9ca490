package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code tanh}: the hyperbolic tangent, values in (−1, 1). */
public final class Tanh implements Activation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "hyperbolic tangent, values in (-1, 1)";
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double fx) {
        return 1 - fx * fx;
    }

    @Override
    public void values(double[] x, double[] fx, int n) {
        for (int i = 0; i < n; i++) {
            fx[i] = Math.tanh(x[i]);
        }
    }

    @Override
    public void derivatives(double[] x, double[] fx, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = 1 - fx[i] * fx[i];
        }
    }
}
