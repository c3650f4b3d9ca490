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
 * {@code elman}: Elman's simple recurrent network (1990), the seed's Figure 6. The outputs of
 * each hidden layer are saved in context cells, one per hidden unit, and fed back to that layer
 * at the next step beside its input:
 *
 * <pre>    c_t = h_{t-1},   h_t = f(W_in · x_t + W_context · c_t + b),   y_t = g(W_out · h_t + b_out)</pre>
 *
 * With several hidden layers each has its own context cells and feeds the next.
 */
public final class ElmanTopology implements Topology {

    @Override
    public String name() {
        return "elman";
    }

    @Override
    public String description() {
        return "Elman (1990): hidden outputs saved in context cells and fed back (seed Figure 6)";
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
        Activation outputActivation = settings.activation("output-activation");
        boolean bias = settings.read().flag("bias");

        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize());
        String below = LayerGraph.INPUT;
        for (int l = 1; l <= hidden.size(); l++) {
            String layer = "hidden" + l;
            String cells = "context" + l;
            graph.context(cells, hidden.get(l - 1))
                    .connectFixed(layer + "[t-1]->" + cells, layer, cells, 1, 1.0)
                    .group(layer, hidden.get(l - 1), activation, bias)
                    .connect(below + "->" + layer, below, layer, 0)
                    .connect(cells + "->" + layer, cells, layer, 0);
            below = layer;
        }
        graph.group("output", context.outputSize(), outputActivation, bias)
                .connect(below + "->output", below, "output", 0)
                .output("output");
        return settings.network(graph);
    }
}
