package org.rnn4j.cli;

import java.util.Locale;
import org.rnn4j.api.graph.GraphNetwork;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;

/**
 * A network as a person reads it: its groups, connections with their delays and parameter
 * counts, as text; and as a Graphviz drawing in the style of the seed's figures — context cells
 * as nodes of their own, delayed connections dashed, input at the bottom.
 */
final class NetworkDescription {

    private NetworkDescription() {
    }

    /** The text description of {@code network}, built by the topology {@code topology}. */
    static String text(String topology, Network network) {
        StringBuilder out = new StringBuilder();
        out.append(summary(topology, network)).append('\n');
        if (network instanceof GraphNetwork graphNetwork) {
            LayerGraph graph = graphNetwork.graph();
            out.append("groups:\n");
            for (LayerGraph.Group group : graph.groups()) {
                out.append(String.format(Locale.ROOT, "  %-12s %-10s %s%n", group.name(), count(group.size(), "unit"),
                        role(graph, group)));
            }
            out.append("connections:\n");
            for (LayerGraph.Connection connection : graph.connections()) {
                out.append(String.format(Locale.ROOT, "  %-28s %-10s -> %-10s delay %d  %-20s %s%n",
                        connection.name(), connection.from(), connection.to(), connection.delay(), kind(connection),
                        count(parameterCount(graphNetwork, connection), "parameter")));
            }
        }
        out.append("parameter blocks:\n");
        for (Parameters.Block block : network.parameters().blocks()) {
            out.append(String.format(Locale.ROOT, "  %-28s %4d x %-4d  at %d%n", block.name(), block.value().numRows,
                    block.value().numCols, block.offset()));
        }
        return out.toString();
    }

    /** The Graphviz drawing of a graph network, or null for a network that is not one. */
    static String dot(String topology, Network network) {
        if (!(network instanceof GraphNetwork graphNetwork)) {
            return null;
        }
        LayerGraph graph = graphNetwork.graph();
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(topology)).append(" {\n");
        out.append("  rankdir=BT;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (LayerGraph.Group group : graph.groups()) {
            String label = group.name() + "\\n" + count(group.size(), group.context() ? "context cell" : "unit")
                    + (group.activation() != null && !group.context() ? ", " + group.activation().name() : "")
                    + (group.name().equals(graph.output()) ? outputLabel(graph, group) : "");
            String style = group.context() ? "style=\"rounded,filled\", fillcolor=\"#eeeeee\""
                    : group.name().equals(LayerGraph.INPUT) ? "shape=invhouse" : "";
            out.append("  ").append(quote(group.name())).append(" [label=").append(quote(label))
                    .append(style.isEmpty() ? "" : ", " + style).append("];\n");
        }
        for (LayerGraph.Connection connection : graph.connections()) {
            StringBuilder attributes = new StringBuilder("label=").append(quote(edgeLabel(graphNetwork, connection)));
            if (connection.delay() == 1) {
                attributes.append(", style=dashed");
            }
            if (connection.kind() == LayerGraph.Kind.FIXED) {
                attributes.append(", arrowhead=empty");
            }
            out.append("  ").append(quote(connection.from())).append(" -> ").append(quote(connection.to()))
                    .append(" [").append(attributes).append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** "elman: 1 input, 1 output, state of 8 values, 89 parameters". */
    static String summary(String topology, Network network) {
        return topology + ": " + count(network.inputSize(), "input") + ", " + count(network.outputSize(), "output")
                + ", state of " + count(network.stateSize(), "value") + ", " + count(network.parameters().size(), "parameter");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String role(LayerGraph graph, LayerGraph.Group group) {
        if (group.name().equals(LayerGraph.INPUT)) {
            return "input x_t";
        }
        String role = group.context() ? "context cells (previous values)"
                : group.activation().name() + (group.bias() ? ", bias" : "");
        if (group.name().equals(graph.output())) {
            role += graph.outputSize() == group.size() ? "; output y_t" : "; output y_t = " + outputUnits(graph);
        }
        return role;
    }

    private static String outputLabel(LayerGraph graph, LayerGraph.Group group) {
        return graph.outputSize() == group.size() ? "\\n(output)" : "\\n(output: " + outputUnits(graph) + ")";
    }

    /** "unit 1" or "units 1..3", counting from 1. */
    private static String outputUnits(LayerGraph graph) {
        int first = graph.outputOffset() + 1;
        int last = graph.outputOffset() + graph.outputSize();
        return first == last ? "unit " + first : "units " + first + ".." + last;
    }

    private static String kind(LayerGraph.Connection connection) {
        return switch (connection.kind()) {
            case FULL -> connection.recurrent() ? "full, recurrent" : "full";
            case DIAGONAL -> "one weight per unit";
            case FIXED -> connection.weight() == 1.0 ? "fixed copy" : "fixed x " + connection.weight();
        };
    }

    private static String edgeLabel(GraphNetwork network, LayerGraph.Connection connection) {
        String delay = connection.delay() == 1 ? " (t-1)" : "";
        return switch (connection.kind()) {
            case FULL -> parameterCount(network, connection) + " weights" + delay;
            case DIAGONAL -> "self, " + parameterCount(network, connection) + " weights" + delay;
            case FIXED -> (connection.weight() == 1.0 ? "copy" : "x " + connection.weight()) + delay;
        };
    }

    private static int parameterCount(GraphNetwork network, LayerGraph.Connection connection) {
        return connection.trainable() ? network.parameters().block(connection.name()).size() : 0;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
