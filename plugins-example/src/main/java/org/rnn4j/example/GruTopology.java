package org.rnn4j.example;

import java.util.Map;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Network;

/**
 * {@code gru}: a gated recurrent unit layer (Cho et al. 2014) — see {@link GruNetwork}, written
 * with {@code forward} and {@code backward} only. Settings under {@code rnn4j.topologies.gru}.
 */
public final class GruTopology implements Topology {

    @Override
    public String name() {
        return "gru";
    }

    @Override
    public String description() {
        return "GRU (Cho et al. 2014): update and reset gates; forward and backward only (plugins-example)";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("output-activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        Settings settings = new Settings(context.settings(), context.path());
        int units = settings.integer("units", 1, 100_000);
        Activation output;
        try {
            output = context.activation(settings.string("output-activation"));
        } catch (InvalidInputException e) {
            throw settings.invalid("output-activation", e.getMessage());
        }
        GruNetwork network = new GruNetwork(context.inputSize(), units, context.outputSize(), output);
        var parameters = network.parameters();
        WeightInit.glorotUniform(parameters.get("gru.gates.input"), context.random());
        WeightInit.glorotUniform(parameters.get("gru.candidate.input"), context.random());
        WeightInit.orthogonal(parameters.get("gru.candidate.recurrent"), context.random());
        WeightInit.glorotUniform(parameters.get("gru.gates.recurrent"), context.random());
        WeightInit.glorotUniform(parameters.get("output.weights"), context.random());
        return network;
    }
}
