package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code relu}: max(0, x); its derivative at 0 is taken as 0. */
public final class Relu implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "rectified linear max(0, x)";
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    public double derivative(double x, double fx) {
        return x > 0 ? 1 : 0;
    }
}
