package ${package};

import java.util.Map;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Network;

/** {@code simple-rnn}: the hand-written {@link SimpleRnnNetwork}, initialised from the run's seed. */
public final class SimpleRnnTopology implements Topology {

    @Override
    public String name() {
        return "simple-rnn";
    }

    @Override
    public String description() {
        return "a recurrent layer written with forward and backward only";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("output-activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        Settings settings = new Settings(context.settings(), context.path());
        SimpleRnnNetwork network = new SimpleRnnNetwork(context.inputSize(), settings.integer("units", 1, 10_000),
                context.outputSize(), context.activation(settings.string("output-activation")));
        WeightInit.glorotUniform(network.parameters().get("input->hidden"), context.random());
        WeightInit.orthogonal(network.parameters().get("hidden[t-1]->hidden"), context.random());
        WeightInit.glorotUniform(network.parameters().get("hidden->output"), context.random());
        return network;
    }
}
