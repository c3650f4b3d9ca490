package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code leaky-relu}: x for x &gt; 0, 0.01·x otherwise (Maas et al. 2013). */
public final class LeakyRelu implements Activation {

    /** The slope for negative arguments. */
    static final double SLOPE = 0.01;

    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public String description() {
        return "x for x > 0, 0.01x otherwise";
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : SLOPE * x;
    }

    @Override
    public double derivative(double x, double fx) {
        return x > 0 ? 1 : SLOPE;
    }
}
