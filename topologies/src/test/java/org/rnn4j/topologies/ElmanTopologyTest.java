package org.rnn4j.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;

final class ElmanTopologyTest {

    @Test
    void oneLayerHasTheClassicShapeAndBlocks() {
        Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [6]", 1, 1, 7);
        assertEquals(1, network.inputSize());
        assertEquals(1, network.outputSize());
        assertEquals(6, network.stateSize(), "the state is the context: one cell per hidden unit");
        List<String> names = network.parameters().blocks().stream().map(Parameters.Block::name).toList();
        assertEquals(List.of("input->hidden1", "context1->hidden1", "hidden1.bias", "hidden1->output", "output.bias"), names,
                "context cells are copies, without parameters of their own");
        assertEquals(6 + 36 + 6 + 6 + 1, network.parameters().size());
    }

    /** In single precision the products really are float: close to double's, not equal (here without OpenBLAS: Java float loops). */
    @Test
    void singlePrecisionRoundsToFloat() {
        Network doubles = TestTopologyContext.build(new ElmanTopology(), "hidden = [12]", 3, 2, 7);
        Network singles = TestTopologyContext.buildSingle(new ElmanTopology(), "hidden = [12]", 3, 2, 7);
        ContractChecks.Result result = ContractChecks.singlePrecision(doubles, singles, new SplittableRandom(3));
        assertTrue(result.passed(), result.toString());
        assertTrue(result.worstError() > 1e-9, "float, not double: " + result);
    }

    @Test
    void eachHiddenLayerHasItsOwnContext() {
        Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [16, 8]", 3, 2, 7);
        assertEquals(24, network.stateSize());
        assertEquals(8 * 8, network.parameters().get("context2->hidden2").getNumElements());
        assertEquals(8 * 16, network.parameters().get("hidden1->hidden2").getNumElements());
    }

    @Test
    void glorotInitialisationStaysWithinItsLimitAndBiasesStartAtZero() {
        Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [10]", 4, 2, 7);
        double limit = Math.sqrt(6.0 / (10 + 4));
        for (double w : network.parameters().get("input->hidden1").data) {
            assertTrue(Math.abs(w) <= limit);
        }
        for (double b : network.parameters().get("hidden1.bias").data) {
            assertEquals(0.0, b);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> TestTopologyContext.build(new ElmanTopology(), "hidden = []", 1, 1, 1));
        assertTrue(empty.getMessage().contains("rnn4j.topology.hidden"), empty.getMessage());
        InvalidInputException zero = assertThrows(InvalidInputException.class,
                () -> TestTopologyContext.build(new ElmanTopology(), "hidden = [4, 0]", 1, 1, 1));
        assertTrue(zero.getMessage().contains("integers ≥ 1"), zero.getMessage());
        InvalidInputException init = assertThrows(InvalidInputException.class,
                () -> TestTopologyContext.build(new ElmanTopology(), "init.recurrent = gaussian", 1, 1, 1));
        assertTrue(init.getMessage().contains("rnn4j.topology.init.recurrent") && init.getMessage().contains("orthogonal"),
                init.getMessage());
        InvalidInputException activation = assertThrows(InvalidInputException.class,
                () -> TestTopologyContext.build(new ElmanTopology(), "activation = tanhh", 1, 1, 1));
        assertTrue(activation.getMessage().contains("rnn4j.topology.activation"), activation.getMessage());
    }
}
