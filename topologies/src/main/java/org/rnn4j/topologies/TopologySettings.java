package org.rnn4j.topologies;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Settings;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Parameters;

/** The settings the seed's topologies share: activations by name and weight initialisation. */
final class TopologySettings {

    private final TopologyContext context;
    private final Settings settings;

    TopologySettings(TopologyContext context) {
        this.context = context;
        this.settings = new Settings(context.settings(), context.path());
    }

    /** The reader of the topology's own keys. */
    Settings read() {
        return settings;
    }

    /** The activation named by {@code key}. */
    Activation activation(String key) {
        String name = settings.string(key);
        try {
            return context.activation(name);
        } catch (InvalidInputException e) {
            throw settings.invalid(key, e.getMessage());
        }
    }

    /** Initialises every weight block as the {@code init} key says; biases stay zero. */
    void initialise(Parameters parameters) {
        String init = settings.oneOf("init", "glorot-uniform", "uniform");
        double range = init.equals("uniform") ? settings.number("init-range", Double.MIN_VALUE, Double.MAX_VALUE) : 0;
        RandomGenerator random = context.random();
        for (Parameters.Block block : parameters.blocks()) {
            if (block.name().endsWith(".bias")) {
                continue;
            }
            DMatrixRMaj weights = block.value();
            if (init.equals("uniform")) {
                WeightInit.uniform(weights, range, random);
            } else {
                WeightInit.glorotUniform(weights, random);
            }
        }
    }
}
