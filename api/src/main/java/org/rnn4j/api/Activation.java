package org.rnn4j.api;

/**
 * An element-wise activation function f and its derivative, chosen in run files by
 * {@link #name()} ({@code tanh}, {@code sigmoid}, …).
 *
 * <p>Implementations are stateless and thread-safe. The bulk methods are what networks call
 * in their inner loops; an implementation may override them with a tighter loop.
 */
public interface Activation extends Plugin {

    /** f(x). */
    double value(double x);

    /**
     * f'(x), given both the argument {@code x} and the value {@code fx = f(x)}, so that
     * functions whose derivative is cheaper from the value (sigmoid, tanh) can use it.
     */
    double derivative(double x, double fx);

    /** Writes f(x[i]) into {@code fx[i]} for from ≤ i &lt; to. The arrays may be the same. */
    default void values(double[] x, double[] fx, int from, int to) {
        for (int i = from; i < to; i++) {
            fx[i] = value(x[i]);
        }
    }

    /**
     * This function for networks in single precision ({@link Precision#SINGLE}), whose products
     * keep about 7 significant digits: an implementation may return a faster form accurate to a few
     * units in {@code float}'s last place. By default this one.
     */
    default Activation single() {
        return this;
    }

    /** Writes f'(x[i]) into {@code d[i]} for from ≤ i &lt; to, given fx[i] = f(x[i]). */
    default void derivatives(double[] x, double[] fx, double[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = derivative(x[i], fx[i]);
        }
    }
}
