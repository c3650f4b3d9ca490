package org.rnn4j.api.activation;

import org.rnn4j.api.Activation;

/** {@code identity}: f(x) = x, for linear outputs and the logits of {@code cross-entropy}. */
public final class Identity implements Activation {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "f(x) = x: linear units, logits for cross-entropy";
    }

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double fx) {
        return 1;
    }

    @Override
    public void values(double[] x, double[] fx, int from, int to) {
        System.arraycopy(x, from, fx, from, to - from);
    }

    @Override
    public void derivatives(double[] x, double[] fx, double[] d, int from, int to) {
        java.util.Arrays.fill(d, from, to, 1.0);
    }
}
