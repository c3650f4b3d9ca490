package org.rnn4j.topologies;

import java.util.List;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.GraphNetwork;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;

/**
 * {@code elman}: Elman's simple recurrent network (1990), the seed's Figure 6. Each hidden layer
 * keeps a copy of its previous outputs in context cells and reads them beside its input:
 *
 * <pre>    h_t = f(W_in · x_t + W_context · h_{t-1} + b),   y_t = g(W_out · h_t + b_out)</pre>
 *
 * With several hidden layers each has its own context and feeds the next.
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
    public Network build(TopologyContext context) {
        TopologySettings settings = new TopologySettings(context);
        List<Integer> hidden = settings.read().integers("hidden", 1);
        Activation activation = settings.activation("activation");
        Activation outputActivation = settings.activation("output-activation");
        boolean bias = settings.read().flag("bias");

        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize());
        String below = LayerGraph.INPUT;
        for (int l = 0; l < hidden.size(); l++) {
            String layer = "hidden" + (l + 1);
            graph.group(layer, hidden.get(l), activation, bias)
                    .connect(below + "->" + layer, below, layer, 0)
                    .connect("context" + (l + 1) + "->" + layer, layer, layer, 1);
            below = layer;
        }
        graph.group("output", context.outputSize(), outputActivation, bias)
                .connect(below + "->output", below, "output", 0)
                .output("output");
        GraphNetwork network = graph.build().build();
        settings.initialise(network.parameters());
        return network;
    }
}
