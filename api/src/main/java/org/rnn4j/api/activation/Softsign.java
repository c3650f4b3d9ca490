package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code softsign}: x / (1 + |x|), values in (−1, 1); like tanh with polynomial tails. */
public final class Softsign implements Activation {

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String description() {
        return "x/(1+|x|), values in (-1, 1), saturates more slowly than tanh";
    }

    @Override
    public double value(double x) {
        return x / (1 + Math.abs(x));
    }

    @Override
    public double derivative(double x, double fx) {
        double d = 1 + Math.abs(x);
        return 1 / (d * d);
    }
}
