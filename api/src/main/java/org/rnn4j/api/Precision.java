package org.rnn4j.api;

/**
 * The arithmetic a network's matrix products run in ({@code rnn4j.precision}): a topology is
 * given it in {@link TopologyContext#precision()} and the graph kit builds with it.
 */
public enum Precision {
    /** Every product in {@code double}: 16 significant digits, the default. */
    DOUBLE,
    /**
     * The large products in {@code float} (OpenBLAS's {@code sgemm} when it is installed): faster
     * for large layers, about 7 significant digits; the activations in their {@link Activation#single()}
     * forms; parameters, optimizer state and losses stay in {@code double}.
     */
    SINGLE
}
