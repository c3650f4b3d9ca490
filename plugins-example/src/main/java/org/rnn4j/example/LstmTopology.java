package org.rnn4j.example;

import java.util.Map;
import java.util.List;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Network;

/**
 * {@code lstm}: long short-term memory (Hochreiter and Schmidhuber 1997), one or more layers,
 * with forget gates and optional peepholes — see {@link LstmNetwork}. Settings under
 * {@code rnn4j.topologies.lstm} in this jar's {@code reference.conf}.
 */
public final class LstmTopology implements Topology {

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM (Hochreiter & Schmidhuber 1997): gated memory cells, forget gates, optional peepholes (plugins-example)";
    }

    @Override
    public Map<String, Class<? extends Plugin>> pluginSettings() {
        return Map.of("output-activation", Activation.class);
    }

    @Override
    public Network build(TopologyContext context) {
        Settings settings = new Settings(context.settings(), context.path());
        List<Integer> hidden = settings.integers("hidden", 1);
        boolean peepholes = settings.flag("peepholes");
        double forgetBias = settings.number("forget-bias", -Double.MAX_VALUE, Double.MAX_VALUE);
        String outputName = settings.string("output-activation");
        Activation output;
        try {
            output = context.activation(outputName);
        } catch (InvalidInputException e) {
            throw settings.invalid("output-activation", e.getMessage());
        }
        LstmNetwork network = new LstmNetwork(context.inputSize(), hidden.stream().mapToInt(Integer::intValue).toArray(),
                context.outputSize(), peepholes, output);
        var parameters = network.parameters();
        for (int l = 1; l <= hidden.size(); l++) {
            WeightInit.glorotUniform(parameters.get("layer" + l + ".input"), context.random());
            WeightInit.glorotUniform(parameters.get("layer" + l + ".recurrent"), context.random());
            // A positive forget-gate bias lets cells keep their content from the start (Gers et al. 2000).
            double[] bias = parameters.get("layer" + l + ".bias").data;
            int units = hidden.get(l - 1);
            for (int r = 0; r < units; r++) {
                bias[units + r] = forgetBias;
            }
            if (peepholes) {
                WeightInit.uniform(parameters.get("layer" + l + ".peephole"), 0.1, context.random());
            }
        }
        WeightInit.glorotUniform(parameters.get("output.weights"), context.random());
        return network;
    }
}
