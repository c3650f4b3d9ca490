package org.rnn4j.api;

import com.typesafe.config.Config;
import java.util.random.RandomGenerator;

/** What a {@link Topology} is given to build a network. */
public interface TopologyContext {

    /**
     * The effective settings: the run's {@code rnn4j.topology} over the topology's defaults in
     * {@code rnn4j.topologies.<name>}.
     */
    Config settings();

    /** The configuration path of {@link #settings()}, for error messages ({@code rnn4j.topology}). */
    String path();

    /** Columns of the input at each step. */
    int inputSize();

    /** Columns of the output (and target) at each step. */
    int outputSize();

    /**
     * The activation of that name.
     *
     * @throws InvalidInputException if there is none; the message lists those available
     */
    Activation activation(String name);

    /** The seeded random numbers to initialise the parameters with. */
    RandomGenerator random();

    /**
     * The precision the run asks its network's products in ({@code rnn4j.precision}); the graph
     * kit takes it in {@link org.rnn4j.api.graph.LayerGraph#network(RandomGenerator, Precision)}.
     * A hand-written network may ignore it.
     */
    default Precision precision() {
        return Precision.DOUBLE;
    }
}
