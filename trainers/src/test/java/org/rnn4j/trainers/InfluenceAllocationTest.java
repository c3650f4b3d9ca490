package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;
import org.rnn4j.topologies.ElmanTopology;
import org.rnn4j.topologies.FullyRecurrentTopology;
import org.rnn4j.topologies.JordanTopology;

/**
 * An influence step — the gradient read, then M carried on — allocates nothing once running
 * (bytes counted, not time). It found {@code Parameters.zero} and {@code flatten} allocating an
 * iterator on every call, which UORO makes per row and step (and every trainer per update).
 */
final class InfluenceAllocationTest {

    @ParameterizedTest
    @CsvSource({"rtrl, elman", "snap, elman", "snap, fully-recurrent", "snap, jordan", "uoro, elman", "uoro, fully-recurrent"})
    void aStepAllocatesNothing(String trainer, String topology) {
        Network network = TestTopologyContext.build(switch (topology) {
            case "elman" -> new ElmanTopology();
            case "jordan" -> new JordanTopology();
            default -> new FullyRecurrentTopology();
        }, topology.equals("fully-recurrent") ? "units = 8" : "hidden = [8]", 2, 2, 1);
        ContractChecks.randomizeParameters(network, new SplittableRandom(1));
        Influence influence = switch (trainer) {
            case "rtrl" -> new Sensitivities(network, 2);
            case "snap" -> new SnapInfluence(network, 2);
            default -> new UoroInfluence(network, 2);
        };
        int n = network.stateSize();
        StepCache cache = network.newStepCache(2);
        DMatrixRMaj state = new DMatrixRMaj(2, n);
        DMatrixRMaj input = new DMatrixRMaj(2, 2);
        DMatrixRMaj previousGradient = new DMatrixRMaj(2, n);
        double[] gradient = new double[network.parameters().size()];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < input.data.length; i++) {
            input.data[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < previousGradient.data.length; i++) {
            previousGradient.data[i] = random.nextDouble(-1, 1) * 1e-3;
        }
        Runnable step = () -> {
            network.forward(state, input, cache);
            influence.addGradient(previousGradient, gradient);
            influence.advance(cache);
            state.setTo(cache.state());
        };
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) {
            step.run();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 5_000; i++) {
            step.run();
        }
        long bytes = threads.getThreadAllocatedBytes(id) - before;
        // Under a byte per step: nothing per step (a one-off of the JIT's, a few KB, may fall in the window).
        assertTrue(bytes < 5_000, trainer + " on " + topology + ": " + bytes + " bytes allocated over 5,000 steps");
    }
}
