package org.rnn4j.example;

import org.rnn4j.api.Activation;

/**
 * {@code gaussian}: f(x) = e^(−x²), a radial-basis unit rnn4j does not ship — the smallest
 * plugin there is. It needs a public no-argument constructor and a line in
 * {@code META-INF/services/org.rnn4j.api.Activation}.
 */
public final class GaussianActivation implements Activation {

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "radial basis e^(-x^2), values in (0, 1] (plugins-example)";
    }

    @Override
    public double value(double x) {
        return Math.exp(-x * x);
    }

    @Override
    public double derivative(double x, double fx) {
        return -2 * x * fx;
    }
}
