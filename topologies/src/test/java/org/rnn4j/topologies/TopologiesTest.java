package org.rnn4j.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.tck.TestTopologyContext;

/** The structure each topology declares: its state, its parameter blocks, its equations. */
final class TopologiesTest {

    private static List<String> blocks(Network network) {
        return network.parameters().blocks().stream().map(Parameters.Block::name).toList();
    }

    @Test
    void feedforwardHasNoState() {
        Network network = TestTopologyContext.build(new FeedforwardTopology(), "hidden = [4, 3]", 2, 1, 1);
        assertEquals(0, network.stateSize());
        assertEquals(List.of("input->hidden1", "hidden1.bias", "hidden1->hidden2", "hidden2.bias", "hidden2->output", "output.bias"),
                blocks(network));
    }

    @Test
    void jordansStateIsItsContextAndItsOutput() {
        Network network = TestTopologyContext.build(new JordanTopology(), "hidden = [4], alpha = 0.5", 2, 3, 1);
        assertEquals(3 + 3, network.stateSize());
        assertEquals(List.of("input->hidden1", "context->hidden1", "hidden1.bias", "hidden1->output", "output.bias"), blocks(network));
    }

    @Test
    void jordansContextIsTheDecayedTraceOfItsOutputs() {
        double alpha = 0.5;
        Network network = TestTopologyContext.build(new JordanTopology(), "hidden = [4], alpha = " + alpha, 1, 2, 3);
        StepCache cache = network.newStepCache(1);
        DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
        double[] context = new double[2];
        double[] previousOutput = new double[2];
        for (int t = 0; t < 4; t++) {
            network.forward(state, new DMatrixRMaj(1, 1, true, t * 0.3), cache);
            for (int k = 0; k < 2; k++) {
                context[k] = alpha * context[k] + previousOutput[k];
                assertEquals(context[k], cache.state().get(0, k), 1e-15, "c_t = alpha c_{t-1} + y_{t-1}");
                previousOutput[k] = cache.output().get(0, k);
            }
            state = cache.state().copy();
        }
    }

    @Test
    void selfFeedbackHasOneWeightPerUnit() {
        Network network = TestTopologyContext.build(new PartiallyRecurrentTopology(), "hidden = [6], recurrence = self", 2, 1, 1);
        assertEquals(6, network.parameters().get("hidden1[t-1]->hidden1.self").getNumElements());
        assertEquals(6, network.stateSize());
    }

    @Test
    void fullyRecurrentOutputsAreItsFirstUnits() {
        Network network = TestTopologyContext.build(new FullyRecurrentTopology(), "units = 5", 2, 2, 1);
        assertEquals(5, network.stateSize());
        assertEquals(List.of("input->units", "units[t-1]->units", "units.bias"), blocks(network));
        StepCache cache = network.newStepCache(1);
        network.forward(new DMatrixRMaj(1, 5), new DMatrixRMaj(1, 2, true, 0.3, -0.7), cache);
        assertEquals(cache.state().get(0, 0), cache.output().get(0, 0));
        assertEquals(cache.state().get(0, 1), cache.output().get(0, 1));
        InvalidInputException few = assertThrows(InvalidInputException.class,
                () -> TestTopologyContext.build(new FullyRecurrentTopology(), "units = 1", 2, 2, 1));
        assertTrue(few.getMessage().contains("rnn4j.topology.units: expected at least as many units as outputs (2)"),
                few.getMessage());
    }

    @Test
    void recurrentWeightsStartOrthogonal() {
        Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [7]", 2, 1, 1);
        DMatrixRMaj w = network.parameters().get("context1->hidden1");
        DMatrixRMaj product = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransB(w, w, product);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(i == j ? 1.0 : 0.0, product.get(i, j), 1e-12);
            }
        }
    }
}
