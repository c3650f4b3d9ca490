package org.rnn4j.api.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;

/** Delays above one: chains of context groups in the state, and a network that reads its input k steps late. */
final class DelaysTest {

    @Test
    void aDelayOfThreeIsAChainOfTwoContextCopiesInTheState() {
        LayerGraph graph = LayerGraph.builder(1)
                .group("out", 1, new Identity(), false)
                .connect("input", "out", 3)
                .output("out")
                .build();
        assertEquals(List.of("input", "out", "input[t-1]", "input[t-2]"), graph.groups().stream().map(LayerGraph.Group::name).toList());
        assertEquals(List.of("input->input[t-1]", "input[t-1]->input[t-2]", "input[t-3]->out"),
                graph.connections().stream().map(LayerGraph.Connection::name).toList());
        Network network = graph.network();
        assertEquals(3, network.stateSize(), "the input and its two copies");
        network.parameters().get("input[t-3]->out").data[0] = 1;
        double[] outputs = run(network, 5, 7, 11, 13, 17);
        assertArrayEquals(new double[] {0, 0, 0, 5, 7}, outputs, "y_t = x_{t-3}");
    }

    @Test
    void theKitInitialisesWhatItDeclaresFromTheSeedAndTheRulesItIsGiven() {
        LayerGraph.Builder builder = LayerGraph.builder(2)
                .group("hidden", 3, new Identity(), true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .group("output", 1, new Identity(), true)
                .connect("output->fixed", "hidden", "output", 0, WeightInit.uniform(0.01))
                .output("output");
        LayerGraph graph = builder.build();
        double[] a = graph.network(new SplittableRandom(1)).parameters().toArray();
        double[] b = graph.network(new SplittableRandom(1)).parameters().toArray();
        assertArrayEquals(a, b, "the same seed, the same network");
        Network network = graph.network(new SplittableRandom(1));
        DMatrixRMaj recurrent = network.parameters().get("hidden[t-1]->hidden");
        DMatrixRMaj product = new DMatrixRMaj(3, 3);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(recurrent, recurrent, product);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, product.get(i, i), 1e-12, "recurrent weights start orthogonal");
        }
        for (double w : network.parameters().get("output->fixed").data) {
            assertEquals(0, w, 0.01, "a connection's own rule");
        }
        assertNotEquals(0, network.parameters().get("input->hidden").data[0]);
        assertArrayEquals(new double[3], network.parameters().get("hidden.bias").data, "biases start at zero");
    }

    private static double[] run(Network network, double... inputs) {
        StepCache cache = network.newStepCache(1);
        DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
        double[] outputs = new double[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            network.forward(state, new DMatrixRMaj(1, 1, true, inputs[t]), cache);
            state.setTo(cache.state());
            outputs[t] = cache.output().data[0];
        }
        return outputs;
    }
}
