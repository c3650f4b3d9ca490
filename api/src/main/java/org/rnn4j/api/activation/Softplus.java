package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code softplus}: log(1 + e^x), a smooth relu; its derivative is the sigmoid. */
public final class Softplus implements Activation {

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String description() {
        return "log(1 + e^x), a smooth relu";
    }

    @Override
    public double value(double x) {
        // log1p(e^x) overflows for large x, where softplus(x) = x + log1p(e^-x).
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    public double derivative(double x, double fx) {
        return 1 / (1 + Math.exp(-x));
    }
}
