package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code sigmoid}: 1 / (1 + e^−x), values in (0, 1). */
public final class Sigmoid implements Activation {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "logistic 1/(1+e^-x), values in (0, 1)";
    }

    @Override
    public double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public double derivative(double x, double fx) {
        return fx * (1 - fx);
    }

    @Override
    public void values(double[] x, double[] fx, int from, int to) {
        for (int i = from; i < to; i++) {
            fx[i] = 1 / (1 + Math.exp(-x[i]));
        }
    }

    @Override
    public void derivatives(double[] x, double[] fx, double[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = fx[i] * (1 - fx[i]);
        }
    }
}
