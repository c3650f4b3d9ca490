package org.rnn4j.topologies;

import java.util.Map;
import java.util.List;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;

/**
 * {@code partially-recurrent}: the seed's Figure 7, a feed-forward network whose hidden layers
 * feed back into themselves. With {@code recurrence = self} each hidden unit feeds back only to
 * itself, through one weight of its own; with {@code recurrence = full} every hidden unit of a
 * layer feeds every unit of that layer (a fully connected recurrent hidden layer):
 *
 * <pre>    h_t = f(W_in · x_t + W_rec · h_{t-1} + b),   W_rec diagonal (self) or full</pre>
 *
 * The output units have no feedback; that is what makes it partially recurrent.
 */
public final class PartiallyRecurrentTopology implements Topology {

    @Override
    public String name() {
        return "partially-recurrent";
    }

    @Override
    public String description() {
        return "hidden layers with self-feedback (recurrence = self) or fully recurrent (full) (seed Figure 7)";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("activation", Activation.class, "output-activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        TopologySettings settings = new TopologySettings(context);
        List<Integer> hidden = settings.read().integers("hidden", 1);
        Activation activation = settings.activation("activation");
        boolean bias = settings.read().flag("bias");
        boolean self = settings.read().oneOf("recurrence", "self", "full").equals("self");

        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize());
        String below = LayerGraph.INPUT;
        for (int l = 1; l <= hidden.size(); l++) {
            String layer = "hidden" + l;
            graph.group(layer, hidden.get(l - 1), activation, bias).connect(below + "->" + layer, below, layer, 0);
            if (self) {
                graph.connectDiagonal(layer + "[t-1]->" + layer + ".self", layer, layer, 1);
            } else {
                graph.connect(layer + "[t-1]->" + layer, layer, layer, 1);
            }
            below = layer;
        }
        graph.group("output", context.outputSize(), settings.activation("output-activation"), bias)
                .connect(below + "->output", below, "output", 0)
                .output("output");
        return settings.network(graph);
    }
}
