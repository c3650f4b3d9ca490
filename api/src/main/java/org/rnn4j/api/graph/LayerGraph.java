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
     */
    public record Connection(String name, String from, String to, int delay, Kind kind, double weight, boolean recurrent) {
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

    /** Builds the network, with every parameter zero; initialise them through its parameters. */
    public GraphNetwork network() {
        return new GraphNetwork(this);
    }

    /** Declares groups and connections; groups are evaluated in the order declared. */
    public static final class Builder {
        private final List<Group> groups = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();
        private String output;
        private int outputOffset;
        private int outputSize = -1;

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

        /** A trainable full connection named {@code from->to} (or {@code from[t-1]->to} when delayed). */
        public Builder connect(String from, String to, int delay) {
            return connect(from + (delay == 1 ? "[t-1]" : "") + "->" + to, from, to, delay);
        }

        /** A trainable full connection: a weight from every unit of {@code from} to every unit of {@code to}. */
        public Builder connect(String name, String from, String to, int delay) {
            return add(name, from, to, delay, Kind.FULL, 0);
        }

        /** A trainable one-to-one connection: unit i of {@code from} to unit i of {@code to}, a weight each. */
        public Builder connectDiagonal(String name, String from, String to, int delay) {
            return add(name, from, to, delay, Kind.DIAGONAL, 0);
        }

        /** A constant one-to-one connection: {@code weight} times unit i of {@code from} into unit i of {@code to}. */
        public Builder connectFixed(String name, String from, String to, int delay, double weight) {
            return add(name, from, to, delay, Kind.FIXED, weight);
        }

        private Builder add(String name, String from, String to, int delay, Kind kind, double weight) {
            requireNonNull(name, "name is null");
            for (Connection connection : connections) {
                if (connection.name().equals(name)) {
                    throw new IllegalArgumentException("connection '" + name + "' declared twice");
                }
            }
            if (delay != 0 && delay != 1) {
                throw new IllegalArgumentException("connection '" + name + "' has delay " + delay + "; delays are 0 or 1");
            }
            if (to.equals(INPUT)) {
                throw new IllegalArgumentException("connection '" + name + "' cannot feed the input");
            }
            connections.add(new Connection(name, from, to, delay, kind, weight, false));
            return this;
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
                checked.add(new Connection(connection.name(), connection.from(), connection.to(), connection.delay(),
                        connection.kind(), connection.weight(), connection.delay() == 1 || fedByDelayedOnly(source.name())));
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
