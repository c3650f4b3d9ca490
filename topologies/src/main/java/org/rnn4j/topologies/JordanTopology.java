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
 * {@code jordan}: Jordan's network (1986). Like Elman's, but the context cells are fed by the
 * output layer, one per output unit; with {@code alpha > 0} each also keeps a decaying trace of
 * itself, as Jordan's original context units did:
 *
 * <pre>    c_t = alpha · c_{t-1} + y_{t-1},   h_t = f(W_in · x_t + W_context · c_t + b),   y_t = g(W_out · h_t + b_out)</pre>
 *
 * Its only memory is its own past output.
 */
public final class JordanTopology implements Topology {

    @Override
    public String name() {
        return "jordan";
    }

    @Override
    public String description() {
        return "Jordan (1986): context cells fed by the output layer, optional decay alpha";
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
        double alpha = settings.read().number("alpha", 0, 1);

        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize())
                .context("context", context.outputSize())
                .connectFixed("output[t-1]->context", "output", "context", 1, 1.0);
        if (alpha > 0) {
            graph.connectFixed("context[t-1]->context", "context", "context", 1, alpha);
        }
        String below = LayerGraph.INPUT;
        for (int l = 1; l <= hidden.size(); l++) {
            String layer = "hidden" + l;
            graph.group(layer, hidden.get(l - 1), activation, bias).connect(below + "->" + layer, below, layer, 0);
            if (l == 1) {
                graph.connect("context->hidden1", "context", layer, 0);
            }
            below = layer;
        }
        graph.group("output", context.outputSize(), settings.activation("output-activation"), bias)
                .connect(below + "->output", below, "output", 0)
                .output("output");
        return settings.network(graph);
    }
}
