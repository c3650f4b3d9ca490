package org.rnn4j.topologies;

import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Memory;
import org.rnn4j.api.Settings;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.GraphNetwork;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.graph.WeightInit;

/**
 * What the seed's topologies share: reading their keys, activations by name, and the weight
 * initialisation of the {@code init} block — one rule for feed-forward weights, one for
 * recurrent ones, biases at zero.
 */
final class TopologySettings {

    private final TopologyContext context;
    private final Settings settings;

    TopologySettings(TopologyContext context) {
        this.context = context;
        this.settings = new Settings(context.settings(), context.path());
    }

    /** The reader of the topology's own keys. */
    Settings read() {
        return settings;
    }

    /** The activation named by {@code key}. */
    Activation activation(String key) {
        String name = settings.string(key);
        try {
            return context.activation(name);
        } catch (InvalidInputException e) {
            throw settings.invalid(key, e.getMessage());
        }
    }

    /** Copies of θ a run keeps: θ, gradients, optimizer state, the best epoch, checkpoint snapshots. */
    static final long TRAINING_COPIES = 8;

    /**
     * Builds the network of {@code graph} and initialises it: feed-forward weights by
     * {@code init.feedforward}, recurrent ones (those carrying the previous step) by
     * {@code init.recurrent}, self-feedback weights (one per unit) uniform in ±{@code init.range};
     * biases start at zero. The rules are the graph kit's own ({@link WeightInit}), declared on the
     * graph, which initialises the network from the context's seeded random source.
     */
    GraphNetwork network(LayerGraph.Builder graph) {
        double range = settings.number("init.range", Double.MIN_VALUE, Double.MAX_VALUE);
        graph.initialise(rule(settings.oneOf("init.feedforward", "glorot-uniform", "uniform"), range),
                rule(settings.oneOf("init.recurrent", "orthogonal", "glorot-uniform", "uniform"), range),
                WeightInit.uniform(range));
        try {
            LayerGraph declared = graph.build();
            // θ, its gradient, the optimizer's moments, the best epoch's copy and checkpoint snapshots: about 8 copies.
            long parameters = declared.parameterCount();
            Memory.require(Memory.doubles(parameters, TRAINING_COPIES), context.path() + ": this network's " + parameters
                    + " parameters", "a smaller hidden size");
            return declared.network(context.random(), context.precision());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(context.path() + ": cannot build this network: " + e.getMessage(), e);
        }
    }

    private static WeightInit.Rule rule(String name, double range) {
        return switch (name) {
            case "orthogonal" -> WeightInit.orthogonal();
            case "glorot-uniform" -> WeightInit.glorotUniform();
            default -> WeightInit.uniform(range);
        };
    }
}
