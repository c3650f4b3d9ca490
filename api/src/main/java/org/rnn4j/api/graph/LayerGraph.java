package org.rnn4j.api.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.Activation;

/**
 * A network declared as unit groups joined by weighted connections, from which {@link
 * GraphNetwork} derives the forward pass and all three derivatives.
 *
 * <p>The group {@value #INPUT} is the input x_t. Every other group computes
 * {@code a = f(bias + Σ W · source)} over its incoming connections, where a source is another
 * group's value at this step (delay 0, declared earlier) or at the previous step (delay 1: the
 * seed's "context cells"). Groups that feed a delayed connection make up the state s, in the
 * order they were declared. One group is the output y.
 *
 * <pre>{@code
 * LayerGraph.builder(inputs)
 *     .group("hidden", 8, tanh, true)
 *     .connect("input", "hidden", 0)
 *     .connect("hidden", "hidden", 1)      // Elman's context
 *     .group("output", outputs, sigmoid, true)
 *     .connect("hidden", "output", 0)
 *     .output("output")
 *     .build();
 * }</pre>
 */
public final class LayerGraph {

    /** The name of the input group. */
    public static final String INPUT = "input";

    /** A unit group. {@code activation} and {@code bias} are unused for the input group. */
    public record Group(String name, int size, Activation activation, boolean bias) {
    }

    /** A weighted connection: every unit of {@code from} to every unit of {@code to}. */
    public record Connection(String name, String from, String to, int delay) {
    }

    private final List<Group> groups;
    private final List<Connection> connections;
    private final String output;

    private LayerGraph(List<Group> groups, List<Connection> connections, String output) {
        this.groups = List.copyOf(groups);
        this.connections = List.copyOf(connections);
        this.output = output;
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

    /** The name of the output group. */
    public String output() {
        return output;
    }

    /** Builds the network, with every parameter zero; initialise them through its parameters. */
    public GraphNetwork build() {
        return new GraphNetwork(this);
    }

    /** Declares groups and connections; groups are evaluated in the order declared. */
    public static final class Builder {
        private final List<Group> groups = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();
        private String output;

        private Builder(int inputSize) {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("input size must be positive: " + inputSize);
            }
            groups.add(new Group(INPUT, inputSize, null, false));
        }

        /** Adds a group of {@code size} units with activation f, with or without a bias. */
        public Builder group(String name, int size, Activation activation, boolean bias) {
            requireNonNull(name, "name is null");
            requireNonNull(activation, "activation is null");
            if (find(name) != null) {
                throw new IllegalArgumentException("group '" + name + "' declared twice");
            }
            if (size <= 0) {
                throw new IllegalArgumentException("group '" + name + "' must have at least one unit: " + size);
            }
            groups.add(new Group(name, size, activation, bias));
            return this;
        }

        /** Connects {@code from} to {@code to} with the default name ({@code from->to}, {@code from[t-1]->to}). */
        public Builder connect(String from, String to, int delay) {
            return connect(from + (delay == 1 ? "[t-1]" : "") + "->" + to, from, to, delay);
        }

        /**
         * Connects {@code from} to {@code to}, the source read at this step (delay 0; the source
         * must be declared before the target) or the previous one (delay 1).
         */
        public Builder connect(String name, String from, String to, int delay) {
            Group source = find(from);
            Group target = find(to);
            if (source == null || target == null) {
                throw new IllegalArgumentException("connection '" + name + "' joins unknown group '"
                        + (source == null ? from : to) + "'");
            }
            if (target.name().equals(INPUT)) {
                throw new IllegalArgumentException("connection '" + name + "' cannot feed the input");
            }
            if (delay != 0 && delay != 1) {
                throw new IllegalArgumentException("connection '" + name + "' has delay " + delay + "; delays are 0 or 1");
            }
            if (delay == 0 && groups.indexOf(source) >= groups.indexOf(target)) {
                throw new IllegalArgumentException("connection '" + name + "' has delay 0 but '" + from
                        + "' is not declared before '" + to + "'");
            }
            for (Connection connection : connections) {
                if (connection.name().equals(name)) {
                    throw new IllegalArgumentException("connection '" + name + "' declared twice");
                }
            }
            connections.add(new Connection(name, from, to, delay));
            return this;
        }

        /** Makes {@code name} the output group y. */
        public Builder output(String name) {
            if (find(name) == null || name.equals(INPUT)) {
                throw new IllegalArgumentException("output '" + name + "' is not a declared group");
            }
            this.output = name;
            return this;
        }

        public LayerGraph build() {
            if (output == null) {
                throw new IllegalArgumentException("no output group declared");
            }
            for (Group group : groups) {
                boolean fed = group.name().equals(INPUT) || group.bias()
                        || connections.stream().anyMatch(c -> c.to().equals(group.name()));
                if (!fed) {
                    throw new IllegalArgumentException("group '" + group.name() + "' has no incoming connection and no bias");
                }
            }
            return new LayerGraph(groups, connections, output);
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
