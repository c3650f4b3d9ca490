package org.rnn4j.topologies;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Parameters;

/** Reading and checking the settings the seed's topologies share, with messages naming the key. */
final class TopologySettings {

    private final TopologyContext context;

    TopologySettings(TopologyContext context) {
        this.context = context;
    }

    /** A list of positive layer sizes, at least one. */
    List<Integer> layerSizes(String key) {
        List<Integer> sizes = read(key, () -> context.settings().getIntList(key));
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size <= 0)) {
            throw invalid(key, "expected a list of positive layer sizes like [8] or [16, 8], got " + sizes);
        }
        return sizes;
    }

    /** The activation named by {@code key}. */
    Activation activation(String key) {
        String name = string(key);
        try {
            return context.activation(name);
        } catch (InvalidInputException e) {
            throw invalid(key, e.getMessage());
        }
    }

    boolean flag(String key) {
        return read(key, () -> context.settings().getBoolean(key));
    }

    String string(String key) {
        return read(key, () -> context.settings().getString(key));
    }

    double positiveNumber(String key) {
        double value = read(key, () -> context.settings().getDouble(key));
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(key, "expected a positive number, got " + value);
        }
        return value;
    }

    /** Initialises every weight block as {@code init} says; biases stay zero. */
    void initialise(Parameters parameters) {
        String init = string("init");
        RandomGenerator random = context.random();
        for (Parameters.Block block : parameters.blocks()) {
            if (block.name().endsWith(".bias")) {
                continue;
            }
            DMatrixRMaj weights = block.value();
            switch (init) {
                case "glorot-uniform" -> WeightInit.glorotUniform(weights, random);
                case "uniform" -> WeightInit.uniform(weights, positiveNumber("init-range"), random);
                default -> throw invalid("init", "expected glorot-uniform or uniform, got '" + init + "'");
            }
        }
    }

    InvalidInputException invalid(String key, String problem) {
        String where = "";
        if (context.settings().hasPath(key)) {
            var origin = context.settings().getValue(key).origin();
            if (origin.filename() != null) {
                where = origin.filename() + ":" + origin.lineNumber() + ": ";
            }
        }
        return new InvalidInputException(where + context.path() + "." + key + ": " + problem);
    }

    private <T> T read(String key, java.util.function.Supplier<T> getter) {
        try {
            return getter.get();
        } catch (ConfigException e) {
            throw invalid(key, e.getMessage());
        }
    }
}
