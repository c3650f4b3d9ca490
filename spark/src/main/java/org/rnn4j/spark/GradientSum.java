package org.rnn4j.spark;

import java.io.Serializable;

/**
 * A sum of per-step losses and loss gradients over some target steps, kept in double-double
 * precision (Knuth's two-sum): Spark combines partitions in whatever order its tasks finish, and
 * with this the result does not depend on that order, so a data-parallel run is reproducible to
 * the last bit.
 */
final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] high;
    private final double[] low;
    private long targets;

    /** An empty sum for {@code parameters} gradient components (the last slot holds the loss). */
    GradientSum(int parameters) {
        this.high = new double[parameters + 1];
        this.low = new double[parameters + 1];
    }

    /** Adds {@code gradient} (summed over {@code targets} steps) and the loss summed over them. */
    GradientSum add(double[] gradient, double loss, long targets) {
        for (int i = 0; i < gradient.length; i++) {
            add(i, gradient[i], 0);
        }
        add(gradient.length, loss, 0);
        this.targets += targets;
        return this;
    }

    /** Adds {@code other} to this sum; returns this. */
    GradientSum add(GradientSum other) {
        for (int i = 0; i < high.length; i++) {
            add(i, other.high[i], other.low[i]);
        }
        targets += other.targets;
        return this;
    }

    private void add(int i, double otherHigh, double otherLow) {
        double sum = high[i] + otherHigh;
        double back = sum - high[i];
        double error = (high[i] - (sum - back)) + (otherHigh - back);
        double tail = low[i] + otherLow + error;
        high[i] = sum + tail;
        low[i] = tail - (high[i] - sum);
    }

    /** The number of target steps summed over. */
    long targets() {
        return targets;
    }

    /** The mean loss per target step. */
    double meanLoss() {
        return (high[high.length - 1] + low[low.length - 1]) / targets;
    }

    /** The mean gradient per target step, into {@code gradient}. */
    void meanGradient(double[] gradient) {
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (high[i] + low[i]) / targets;
        }
    }
}
