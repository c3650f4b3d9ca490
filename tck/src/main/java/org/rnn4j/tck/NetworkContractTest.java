package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * The contract tests every {@link Network} passes. A topology's author extends this class and
 * says how to build the network; every test here then runs on it.
 *
 * <pre>{@code
 * final class TestMyNetworkContract extends NetworkContractTest {
 *     protected Network newNetwork(long seed) { return MyTopology.build(3, 5, 2, seed); }
 * }
 * }</pre>
 */
public abstract class NetworkContractTest {

    /** A small network (a handful of units) with parameters initialised from {@code seed}. */
    protected abstract Network newNetwork(long seed);

    @Test
    void backwardMatchesFiniteDifferences() {
        Network network = newNetwork(1);
        SplittableRandom random = new SplittableRandom(11);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.backward(network, random, 2, 4));
    }

    @Test
    void stateJacobianMatchesFiniteDifferences() {
        Network network = newNetwork(2);
        SplittableRandom random = new SplittableRandom(12);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.stateJacobian(network, random, 2));
    }

    @Test
    void parameterJacobianMatchesFiniteDifferences() {
        Network network = newNetwork(3);
        SplittableRandom random = new SplittableRandom(13);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.parameterJacobian(network, random, 2));
    }

    @Test
    void overriddenJacobiansEqualThoseDerivedFromBackward() {
        Network network = newNetwork(8);
        SplittableRandom random = new SplittableRandom(18);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.jacobiansAsFromBackward(network, random, 2));
    }

    @Test
    void sensitivitiesPropagatedOverStepsMatchFiniteDifferences() {
        Network network = newNetwork(6);
        SplittableRandom random = new SplittableRandom(16);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.sensitivity(network, random, 2, 4));
    }

    @Test
    void rtrlsGradientEqualsBptts() {
        Network network = newNetwork(7);
        SplittableRandom random = new SplittableRandom(17);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.rtrlEqualsBptt(network, random, 2, 5));
    }

    @Test
    void backwardThroughTimeEqualsBackwardStepByStep() {
        Network network = newNetwork(8);
        SplittableRandom random = new SplittableRandom(18);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.backwardThroughTime(network, random, 3, 6));
    }

    @Test
    void unrolledEqualsForwardAndBackwardStepByStep() {
        Network network = newNetwork(9);
        SplittableRandom random = new SplittableRandom(19);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.unrolled(network, random, 3, 6));
    }

    @Test
    void aConcurrentNetworkGivesTheSameOnManyThreads() {
        Network network = newNetwork(10);
        SplittableRandom random = new SplittableRandom(20);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.concurrent(network, random));
    }

    @Test
    void aGivenSnapPatternHoldsAndItsEntriesAreTheImmediateJacobians() {
        Network network = newNetwork(12);
        SplittableRandom random = new SplittableRandom(22);
        ContractChecks.randomizeParameters(network, random);
        assertPassed(ContractChecks.parameterUnits(network, random));
    }

    @Test
    void sameSeedBuildsTheSameNetwork() {
        double[] first = newNetwork(42).parameters().toArray();
        double[] second = newNetwork(42).parameters().toArray();
        double[] other = newNetwork(43).parameters().toArray();
        assertArrayEquals(first, second, "two networks from one seed differ");
        assertTrue(Arrays.stream(first).anyMatch(v -> v != 0), "initialisation left every parameter zero");
        assertTrue(!Arrays.equals(first, other), "two seeds gave the same parameters");
    }

    @Test
    void rowsOfABatchAreIndependent() {
        Network network = newNetwork(4);
        SplittableRandom random = new SplittableRandom(14);
        ContractChecks.randomizeParameters(network, random);
        int batch = 3;
        DMatrixRMaj state = uniform(batch, network.stateSize(), random);
        DMatrixRMaj input = uniform(batch, network.inputSize(), random);
        StepCache together = network.newStepCache(batch);
        network.forward(state, input, together);
        StepCache alone = network.newStepCache(1);
        for (int row = 0; row < batch; row++) {
            network.forward(row(state, row), row(input, row), alone);
            assertArrayEquals(row(together.output(), row).data, alone.output().data, 1e-12,
                    "output of row " + row + " depends on the other rows");
            assertArrayEquals(row(together.state(), row).data, alone.state().data, 1e-12,
                    "state of row " + row + " depends on the other rows");
        }
    }

    @Test
    void shapesAndLayoutAreConsistent() {
        Network network = newNetwork(5);
        Parameters parameters = network.parameters();
        int offset = 0;
        for (Parameters.Block block : parameters.blocks()) {
            assertEquals(offset, block.offset(), "block " + block.name() + " is not where the flat layout puts it");
            offset += block.size();
        }
        assertEquals(offset, parameters.size());
        StepCache cache = network.newStepCache(2);
        network.forward(new DMatrixRMaj(2, network.stateSize()), new DMatrixRMaj(2, network.inputSize()), cache);
        assertEquals(2, cache.batchSize());
        assertEquals(2, cache.state().numRows);
        assertEquals(network.stateSize(), cache.state().numCols);
        assertEquals(2, cache.output().numRows);
        assertEquals(network.outputSize(), cache.output().numCols);
    }

    private static void assertPassed(ContractChecks.Result result) {
        assertTrue(result.passed(), result.toString());
    }

    private static DMatrixRMaj uniform(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }

    private static DMatrixRMaj row(DMatrixRMaj m, int row) {
        DMatrixRMaj r = new DMatrixRMaj(1, m.numCols);
        System.arraycopy(m.data, row * m.numCols, r.data, 0, m.numCols);
        return r;
    }
}
