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
 * {@code feedforward}: the plain multilayer network of the seed's Figure 5, the baseline the
 * recurrent ones are compared with. It has no state: each step's output depends on that step's
 * input alone.
 */
public final class FeedforwardTopology implements Topology {

    @Override
    public String name() {
        return "feedforward";
    }

    @Override
    public String description() {
        return "feed-forward baseline without recurrence, one or more hidden layers (seed Figure 5)";
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

        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize());
        String below = LayerGraph.INPUT;
        for (int l = 1; l <= hidden.size(); l++) {
            String layer = "hidden" + l;
            graph.group(layer, hidden.get(l - 1), activation, bias).connect(below + "->" + layer, below, layer, 0);
            below = layer;
        }
        graph.group("output", context.outputSize(), settings.activation("output-activation"), bias)
                .connect(below + "->output", below, "output", 0)
                .output("output");
        return settings.network(graph);
    }
}
