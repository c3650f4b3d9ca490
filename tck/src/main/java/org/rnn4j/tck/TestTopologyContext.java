package org.rnn4j.tck;

import com.typesafe.config.Config;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Precision;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.network.Network;

/**
 * A {@link TopologyContext} for tests: a topology's defaults from the {@code reference.conf} on
 * the class path under the given overrides, activations found with {@link ServiceLoader}, and a
 * seeded random generator — what the framework gives a topology, without the framework.
 */
public final class TestTopologyContext implements TopologyContext {

    private final Config settings;
    private final int inputSize;
    private final int outputSize;
    private final RandomGenerator random;
    private final Precision precision;

    private TestTopologyContext(Config settings, int inputSize, int outputSize, long seed, Precision precision) {
        this.settings = settings;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.random = new SplittableRandom(seed);
        this.precision = precision;
    }

    /**
     * {@code topology}'s network for {@code inputSize → outputSize}, its settings {@code overrides}
     * (HOCON, relative to the topology's block) over its defaults.
     */
    public static Network build(Topology topology, String overrides, int inputSize, int outputSize, long seed) {
        return topology.build(of(topology.name(), overrides, inputSize, outputSize, seed));
    }

    /** As {@link #build}, in single precision ({@code rnn4j.precision = single}). */
    public static Network buildSingle(Topology topology, String overrides, int inputSize, int outputSize, long seed) {
        return topology.build(new TestTopologyContext(Defaults.of("rnn4j.topologies", topology.name(), overrides), inputSize,
                outputSize, seed, Precision.SINGLE));
    }

    /** The context {@link #build} uses. */
    public static TestTopologyContext of(String topology, String overrides, int inputSize, int outputSize, long seed) {
        return new TestTopologyContext(Defaults.of("rnn4j.topologies", topology, overrides), inputSize, outputSize, seed,
                Precision.DOUBLE);
    }

    @Override
    public Config settings() {
        return settings;
    }

    @Override
    public String path() {
        return "rnn4j.topology";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public Activation activation(String name) {
        for (Activation activation : ServiceLoader.load(Activation.class)) {
            if (activation.name().equals(name)) {
                return activation;
            }
        }
        throw new InvalidInputException("unknown activation '" + name + "'");
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Precision precision() {
        return precision;
    }
}
