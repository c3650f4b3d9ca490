package org.rnn4j.topologies;

import java.util.Map;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;

/**
 * {@code fully-recurrent}: the network of Williams and Zipser (1989), the seed's Figure 8. There
 * are {@code units} units, each fed by every input and by every unit at the previous step,
 * itself included (self-feedback); the first units are the outputs:
 *
 * <pre>    u_t = f(W_in · x_t + W_rec · u_{t-1} + b),   y_t = (u_t)_{1..outputs}</pre>
 *
 * There are no separate hidden and output layers: outputs are units like the others and feed
 * back too.
 */
public final class FullyRecurrentTopology implements Topology {

    @Override
    public String name() {
        return "fully-recurrent";
    }

    @Override
    public String description() {
        return "Williams & Zipser (1989): every unit fed by every unit and input, outputs among them (seed Figure 8)";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        TopologySettings settings = new TopologySettings(context);
        int outputs = context.outputSize();
        int units = settings.read().integer("units", 1, Integer.MAX_VALUE);
        if (units < outputs) {
            throw settings.read().invalid("units", "expected at least as many units as outputs (" + outputs + "), got " + units);
        }
        LayerGraph.Builder graph = LayerGraph.builder(context.inputSize())
                .group("units", units, settings.activation("activation"), settings.read().flag("bias"))
                .connect("input->units", LayerGraph.INPUT, "units", 0)
                .connect("units[t-1]->units", "units", "units", 1)
                .output("units", 0, outputs);
        return settings.network(graph);
    }
}
