package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code hard-sigmoid}: max(0, min(1, 0.2·x + 0.5)), a piecewise-linear sigmoid. */
public final class HardSigmoid implements Activation {

    @Override
    public String name() {
        return "hard-sigmoid";
    }

    @Override
    public String description() {
        return "piecewise-linear sigmoid max(0, min(1, 0.2x + 0.5))";
    }

    @Override
    public double value(double x) {
        return Math.max(0, Math.min(1, 0.2 * x + 0.5));
    }

    @Override
    public double derivative(double x, double fx) {
        return x > -2.5 && x < 2.5 ? 0.2 : 0;
    }
}
