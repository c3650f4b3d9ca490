package ${package};

import java.util.Map;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;

/**
 * {@code delayed-elman}: a topology declared on the layer-graph kit, which derives every
 * derivative and initialises the weights from the run's seed. The hidden layer reads the input,
 * its own values of the step before and of two steps before (a delay of 2: the kit keeps a copy).
 */
public final class DelayedElmanTopology implements Topology {

    @Override
    public String name() {
        return "delayed-elman";
    }

    @Override
    public String description() {
        return "Elman with a second, two-step-old context";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("activation", Activation.class, "output-activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        Settings settings = new Settings(context.settings(), context.path());
        int hidden = settings.integer("hidden", 1, 10_000);
        return LayerGraph.builder(context.inputSize())
                .group("hidden", hidden, context.activation(settings.string("activation")), true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .connect("hidden", "hidden", 2)
                .group("output", context.outputSize(), context.activation(settings.string("output-activation")), true)
                .connect("hidden", "output", 0)
                .output("output")
                .build()
                .network(context.random(), context.precision());
    }
}
