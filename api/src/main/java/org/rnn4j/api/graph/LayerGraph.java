package org.rnn4j.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.Activation;

/**
 * A network declared as unit groups joined by connections, from which {@link GraphNetwork}
 * derives the forward pass and all three derivatives.
 *
 * <p>The group {@value #INPUT} is the input x_t. Every other group computes
 * {@code a = f(bias + Σ connection(source))} over its incoming connections, where a source is
 * another group's value at this step (delay 0; the source must be declared earlier) or at the
 * previous step (delay 1). Groups that feed a delayed connection make up the state s, in the
 * order they were declared. The output y is a group, or a slice of one.
 *
 * <p>Connections are of three kinds:
 * <ul>
 *   <li>{@link Kind#FULL}: a trainable weight matrix, every source unit to every target unit;</li>
 *   <li>{@link Kind#DIAGONAL}: one trainable weight per unit, unit i to unit i (self-feedback);</li>
 *   <li>{@link Kind#FIXED}: unit i to unit i with a constant weight and no parameter — the copy
 *       that fills the seed's context cells, or a context's decay.</li>
 * </ul>
 *
 * <pre>{@code
 * LayerGraph.builder(inputs)
 *     .group("context", 8, identity, false)
 *     .connectFixed("hidden[t-1]->context", "hidden", "context", 1, 1.0)  // Elman's context cells
 *     .group("hidden", 8, tanh, true)
 *     .connect("input->hidden", "input", "hidden", 0)
 *     .connect("context->hidden", "context", "hidden", 0)
 *     .group("output", outputs, sigmoid, true)
 *     .connect("hidden->output", "hidden", "output", 0)
 *     .output("output")
 *     .build();
 * }</pre>
 *
 * A delayed connection may name a group declared later (here the context reads the hidden
 * layer's previous value).
 */
public final class LayerGraph {

    /** The name of the input group. */
    public static final String INPUT = "input";

    /** How a connection maps its source onto its target. */
    public enum Kind {
        /** A trainable matrix: target-size × source-size weights. */
        FULL,
        /** One trainable weight per unit: unit i feeds unit i; source and target have one size. */
        DIAGONAL,
        /** Unit i feeds unit i with a constant weight; no parameter. */
        FIXED
    }

    /**
     * A unit group. {@code activation} and {@code bias} are unused for the input group.
     *
     * @param context whether it is a group of context cells ({@link Builder#context}): linear
     *                units that hold values of the previous step
     */
    public record Group(String name, int size, Activation activation, boolean bias, boolean context) {
    }

    /** f(x) = x: the activation of context cells. */
    static final Activation LINEAR = new org.rnn4j.api.activation.Identity();

    /**
     * A connection. {@code weight} is the constant of a {@link Kind#FIXED} connection.
     *
     * @param recurrent whether it carries the previous step's values: it has delay 1, or its
     *                  source is fed by delay-1 connections only (a context group). Topologies
     *                  initialise recurrent weights differently.
     * @param init      how its weights start ({@link LayerGraph#network(java.util.random.RandomGenerator)})
     */
    public record Connection(String name, String from, String to, int delay, Kind kind, double weight, boolean recurrent,
                             WeightInit.Rule init) {
        /** A connection started by the kit's default rule for its kind (as before connections carried one). */
        public Connection(String name, String from, String to, int delay, Kind kind, double weight, boolean recurrent) {
            this(name, from, to, delay, kind, weight, recurrent, kind == Kind.DIAGONAL ? WeightInit.uniform(0.5)
                    : recurrent ? WeightInit.orthogonal() : WeightInit.glorotUniform());
        }

        /** Whether it has parameters. */
        public boolean trainable() {
            return kind != Kind.FIXED;
        }
    }

    private final List<Group> groups;
    private final List<Connection> connections;
    private final String output;
    private final int outputOffset;
    private final int outputSize;

    private LayerGraph(List<Group> groups, List<Connection> connections, String output, int outputOffset, int outputSize) {
        this.groups = List.copyOf(groups);
        this.connections = List.copyOf(connections);
        this.output = output;
        this.outputOffset = outputOffset;
        this.outputSize = outputSize;
    }

    /** Starts a graph whose input has {@code inputSize} units. */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    /** Groups in evaluation order, the input first. */
    public List<Group> groups() {
        return groups;
    }

    /** Connections in declaration order. */
    public List<Connection> connections() {
        return connections;
    }

    /** The group whose units (or some of them) are the output. */
    public String output() {
        return output;
    }

    /** The first unit of the output group that is an output. */
    public int outputOffset() {
        return outputOffset;
    }

    /** How many units of the output group are outputs. */
    public int outputSize() {
        return outputSize;
    }

    /**
     * How many parameters the network will have — known from the declaration, before anything is
     * allocated, so that a caller can refuse a network too large for its memory.
     */
    public long parameterCount() {
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        groups.forEach(group -> sizes.put(group.name(), group.size()));
        long count = 0;
        for (Connection connection : connections) {
            long to = sizes.get(connection.to());
            count += switch (connection.kind()) {
                case FULL -> to * sizes.get(connection.from());
                case DIAGONAL -> to;
                case FIXED -> 0;
            };
        }
        for (Group group : groups) {
            count += group.bias() ? group.size() : 0;
        }
        return count;
    }

    /**
     * Builds the network with every parameter zero — for tests and for setting parameters by hand;
     * a topology builds with {@link #network(RandomGenerator)}.
     */
    public GraphNetwork network() {
        return new GraphNetwork(this, org.rnn4j.api.Precision.DOUBLE);
    }

    /**
     * Builds the network and initialises it as declared: every trainable connection, in
     * declaration order, by its rule ({@link Builder#initialise}, or the one given to it), from
     * {@code random} — a topology passes its {@code TopologyContext.random()}, so that the same seed
     * gives the same network. Biases start at zero.
     */
    public GraphNetwork network(java.util.random.RandomGenerator random) {
        return network(random, org.rnn4j.api.Precision.DOUBLE);
    }

    /**
     * As {@link #network(java.util.random.RandomGenerator)}, its products in {@code precision}: a
     * topology passes its {@code TopologyContext.precision()} ({@code rnn4j.precision}).
     */
    public GraphNetwork network(java.util.random.RandomGenerator random, org.rnn4j.api.Precision precision) {
        GraphNetwork network = new GraphNetwork(this, precision);
        for (Connection connection : connections) {
            if (connection.trainable()) {
                connection.init().fill(network.parameters().get(connection.name()), random);
            }
        }
        return network;
    }

    /** Declares groups and connections; groups are evaluated in the order declared. */
    public static final class Builder {
        private final List<Group> groups = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();
        private String output;
        private int outputOffset;
        private int outputSize = -1;
        private WeightInit.Rule feedforward = WeightInit.glorotUniform();
        private WeightInit.Rule recurrent = WeightInit.orthogonal();
        private WeightInit.Rule diagonal = WeightInit.uniform(0.5);

        private Builder(int inputSize) {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("input size must be positive: " + inputSize);
            }
            groups.add(new Group(INPUT, inputSize, null, false, false));
        }

        /** Adds a group of {@code size} units with activation f, with or without a bias. */
        public Builder group(String name, int size, Activation activation, boolean bias) {
            requireNonNull(activation, "activation is null");
            return add(new Group(name, size, activation, bias, false));
        }

        /**
         * Adds a group of {@code size} context cells: linear units without bias, meant to be fed by
         * delayed {@link #connectFixed fixed} connections (a copy of a layer's previous values, a
         * decaying trace).
         */
        public Builder context(String name, int size) {
            return add(new Group(name, size, LINEAR, false, true));
        }

        private Builder add(Group group) {
            String name = group.name();
            int size = group.size();
            requireNonNull(name, "name is null");
            if (find(name) != null) {
                throw new IllegalArgumentException("group '" + name + "' declared twice");
            }
            if (size <= 0) {
                throw new IllegalArgumentException("group '" + name + "' must have at least one unit: " + size);
            }
            groups.add(group);
            return this;
        }

        /**
         * How trainable connections start unless one is given its own rule: full connections that
         * carry the present step ({@code feedforward}, default Glorot-uniform), those that carry an
         * earlier one ({@code recurrent}, default orthogonal), one-to-one ones ({@code diagonal},
         * default uniform in ±0.5). Applies to connections declared before and after.
         */
        public Builder initialise(WeightInit.Rule feedforward, WeightInit.Rule recurrent, WeightInit.Rule diagonal) {
            this.feedforward = requireNonNull(feedforward, "feedforward is null");
            this.recurrent = requireNonNull(recurrent, "recurrent is null");
            this.diagonal = requireNonNull(diagonal, "diagonal is null");
            return this;
        }

        /**
         * A trainable full connection named {@code from->to}, or {@code from[t-d]->to} when it
         * carries the values of d steps before.
         */
        public Builder connect(String from, String to, int delay) {
            return connect(from + (delay > 0 ? "[t-" + delay + "]" : "") + "->" + to, from, to, delay);
        }

        /**
         * A trainable full connection: a weight from every unit of {@code from} to every unit of
         * {@code to}, carrying {@code from}'s values of {@code delay} steps before (0: this step's).
         * A delay above 1 is realised as a chain of context groups {@code from[t-1]},
         * {@code from[t-2]} … each a copy of the one before at the previous step; they join the
         * state, which grows by {@code delay − 1} copies of {@code from}.
         */
        public Builder connect(String name, String from, String to, int delay) {
            return add(name, from, to, delay, Kind.FULL, 0, null);
        }

        /** As {@link #connect(String, String, String, int)}, starting by {@code init} instead of the builder's rule. */
        public Builder connect(String name, String from, String to, int delay, WeightInit.Rule init) {
            return add(name, from, to, delay, Kind.FULL, 0, requireNonNull(init, "init is null"));
        }

        /** A trainable one-to-one connection: unit i of {@code from} to unit i of {@code to}, a weight each. */
        public Builder connectDiagonal(String name, String from, String to, int delay) {
            return add(name, from, to, delay, Kind.DIAGONAL, 0, null);
        }

        /** A constant one-to-one connection: {@code weight} times unit i of {@code from} into unit i of {@code to}. */
        public Builder connectFixed(String name, String from, String to, int delay, double weight) {
            return add(name, from, to, delay, Kind.FIXED, weight, null);
        }

        private Builder add(String name, String from, String to, int delay, Kind kind, double weight, WeightInit.Rule init) {
            requireNonNull(name, "name is null");
            for (Connection connection : connections) {
                if (connection.name().equals(name)) {
                    throw new IllegalArgumentException("connection '" + name + "' declared twice");
                }
            }
            if (delay < 0) {
                throw new IllegalArgumentException("connection '" + name + "' has delay " + delay + "; delays are 0 or more");
            }
            if (to.equals(INPUT)) {
                throw new IllegalArgumentException("connection '" + name + "' cannot feed the input");
            }
            connections.add(new Connection(name, from, to, delay, kind, weight, false, init));
            return this;
        }

        /**
         * Connections of delay d > 1 become a chain of d − 1 context groups, {@code from[t-1]} …
         * {@code from[t-(d-1)]} (shared by connections from the same group), and a delay-1
         * connection from the last.
         */
        private List<Connection> withChains(List<Connection> declared) {
            List<Connection> result = new ArrayList<>();
            for (Connection connection : declared) {
                if (connection.delay() <= 1) {
                    result.add(connection);
                    continue;
                }
                Group source = find(connection.from());
                if (source == null) {
                    throw new IllegalArgumentException("connection '" + connection.name() + "' joins unknown group '"
                            + connection.from() + "'");
                }
                String previous = source.name();
                for (int k = 1; k < connection.delay(); k++) {
                    String copy = source.name() + "[t-" + k + "]";
                    if (find(copy) == null) {
                        groups.add(new Group(copy, source.size(), LINEAR, false, true));
                        result.add(new Connection(previous + "->" + copy, previous, copy, 1, Kind.FIXED, 1.0, false, null));
                    }
                    previous = copy;
                }
                result.add(new Connection(connection.name(), previous, connection.to(), 1, connection.kind(),
                        connection.weight(), false, connection.init()));
            }
            return result;
        }

        /** Makes the whole of group {@code name} the output y. */
        public Builder output(String name) {
            return output(name, 0, -1);
        }

        /** Makes units {@code offset … offset + size − 1} of group {@code name} the output y. */
        public Builder output(String name, int offset, int size) {
            this.output = name;
            this.outputOffset = offset;
            this.outputSize = size;
            return this;
        }

        /** Checks the declaration and freezes it. */
        public LayerGraph build() {
            if (output == null || find(output) == null || output.equals(INPUT)) {
                throw new IllegalArgumentException("output '" + output + "' is not a declared group");
            }
            int size = outputSize < 0 ? find(output).size() - outputOffset : outputSize;
            if (outputOffset < 0 || size <= 0 || outputOffset + size > find(output).size()) {
                throw new IllegalArgumentException("output units " + outputOffset + ".." + (outputOffset + size - 1)
                        + " are not within group '" + output + "' of " + find(output).size() + " units");
            }
            List<Connection> expanded = withChains(connections);
            connections.clear();
            connections.addAll(expanded);
            List<Connection> checked = new ArrayList<>();
            for (Connection connection : connections) {
                Group source = find(connection.from());
                Group target = find(connection.to());
                if (source == null || target == null) {
                    throw new IllegalArgumentException("connection '" + connection.name() + "' joins unknown group '"
                            + (source == null ? connection.from() : connection.to()) + "'");
                }
                if (connection.delay() == 0 && groups.indexOf(source) >= groups.indexOf(target)) {
                    throw new IllegalArgumentException("connection '" + connection.name() + "' has delay 0 but '"
                            + source.name() + "' is not declared before '" + target.name() + "'");
                }
                if (connection.kind() != Kind.FULL && source.size() != target.size()) {
                    throw new IllegalArgumentException("connection '" + connection.name() + "' is one-to-one but '"
                            + source.name() + "' has " + source.size() + " units and '" + target.name() + "' " + target.size());
                }
                boolean carriesPast = connection.delay() == 1 || fedByDelayedOnly(source.name());
                WeightInit.Rule init = connection.init() != null ? connection.init()
                        : connection.kind() == Kind.DIAGONAL ? diagonal : carriesPast ? recurrent : feedforward;
                checked.add(new Connection(connection.name(), connection.from(), connection.to(), connection.delay(),
                        connection.kind(), connection.weight(), carriesPast, init));
            }
            for (Group group : groups) {
                boolean fed = group.name().equals(INPUT) || group.bias()
                        || connections.stream().anyMatch(c -> c.to().equals(group.name()));
                if (!fed) {
                    throw new IllegalArgumentException("group '" + group.name() + "' has no incoming connection and no bias");
                }
            }
            return new LayerGraph(groups, checked, output, outputOffset, size);
        }

        private boolean fedByDelayedOnly(String group) {
            boolean any = false;
            for (Connection connection : connections) {
                if (connection.to().equals(group)) {
                    if (connection.delay() == 0) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        private Group find(String name) {
            for (Group group : groups) {
                if (group.name().equals(name)) {
                    return group;
                }
            }
            return null;
        }
    }
}
