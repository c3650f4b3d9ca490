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
    public void values(double[] x, double[] fx, int n) {
        System.arraycopy(x, 0, fx, 0, n);
    }

    @Override
    public void derivatives(double[] x, double[] fx, double[] d, int n) {
        java.util.Arrays.fill(d, 0, n, 1.0);
    }
}
