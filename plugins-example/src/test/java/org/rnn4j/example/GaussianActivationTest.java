package org.rnn4j.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Activation;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.tck.NetworkContractTest;

final class GaussianActivationTest {

    @Test
    void isFoundTheWayRnn4jFindsPlugins() {
        assertTrue(ServiceLoader.load(Activation.class).stream()
                .anyMatch(provider -> provider.get().name().equals("gaussian")));
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        Activation gaussian = new GaussianActivation();
        for (double x = -3; x <= 3; x += 0.25) {
            double numeric = (gaussian.value(x + 1e-6) - gaussian.value(x - 1e-6)) / 2e-6;
            assertEquals(numeric, gaussian.derivative(x, gaussian.value(x)), 1e-9, "at " + x);
        }
    }

    /** An Elman-like network of gaussian units, declared with the api's graph kit, passes the tck. */
    @Nested
    final class InANetwork extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            Network network = LayerGraph.builder(2)
                    .group("hidden", 4, new GaussianActivation(), true)
                    .connect("input", "hidden", 0)
                    .connect("hidden", "hidden", 1)
                    .group("output", 1, new GaussianActivation(), true)
                    .connect("hidden", "output", 0)
                    .output("output")
                    .build().network();
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (Parameters.Block block : network.parameters().blocks()) {
                WeightInit.uniform(block.value(), 0.5, random);
            }
            return network;
        }
    }
}
