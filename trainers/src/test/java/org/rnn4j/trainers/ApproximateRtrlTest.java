package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;

/** SnAp-1 and UORO against exact RTRL: equal where SnAp-1 drops nothing, unbiased for UORO. */
final class ApproximateRtrlTest {

    private static Network network(String topology, String settings) {
        Network network = TestTopologyContext.build(Fixtures.topology(topology), settings, 2, 3, 1);
        ContractChecks.randomizeParameters(network, new SplittableRandom(4));
        return network;
    }

    private static double[] gradient(OnlineTrainer trainer, String topology, String settings) {
        Config perSequence = Fixtures.settings("rnn4j.trainers." + trainer.name(), "update = sequence");
        return Fixtures.gradient(trainer, perSequence, network(topology, settings), new MeanSquaredError(),
                Fixtures.data(2, 3, new SplittableRandom(11)));
    }

    /** A self-recurrent hidden layer: each weight feeds one unit and the recurrence is diagonal, so SnAp-1 keeps all of RTRL. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "partially-recurrent | hidden = [4], recurrence = self",
        "partially-recurrent | hidden = [5], recurrence = self, activation = sigmoid"})
    void snapEqualsRtrlWhereTheRecurrenceIsDiagonal(String topology, String settings) {
        double[] rtrl = gradient(new RtrlTrainer(), topology, settings);
        double[] snap = gradient(new SnapTrainer(), topology, settings);
        double error = ContractChecks.relativeError(snap, rtrl);
        assertTrue(error <= 1e-12, "relative difference " + error);
        assertTrue(java.util.Arrays.stream(rtrl).anyMatch(v -> v != 0));
    }

    /** Online too: every update of a run equals RTRL's, so the parameters after it do. */
    @Test
    void onlineSnapTrainsAsRtrlWhereTheRecurrenceIsDiagonal() {
        String settings = "hidden = [4], recurrence = self";
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(12));
        Network rtrl = network("partially-recurrent", settings);
        Network snap = network("partially-recurrent", settings);
        train(new RtrlTrainer(), rtrl, data);
        train(new SnapTrainer(), snap, data);
        double error = ContractChecks.relativeError(snap.parameters().toArray(), rtrl.parameters().toArray());
        assertTrue(error <= 1e-12, "relative difference " + error);
    }

    private static void train(OnlineTrainer trainer, Network network, DataSet data) {
        var sgd = new SgdOptimizer().create(Fixtures.settings("rnn4j.optimizers.sgd", "learning-rate = 0.1"),
                network.parameters());
        var setup = new org.rnn4j.api.training.TrainingSetup(Fixtures.settings("rnn4j.trainers." + trainer.name(),
                "update = step"), network, data, new MeanSquaredError(), sgd, 2, org.rnn4j.api.training.TrainingListener.NONE);
        try (var session = trainer.start(setup)) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                session.runEpoch(epoch, new SplittableRandom(epoch));
            }
        }
    }

    /**
     * On a dense network SnAp-1 drops the influence of one unit on another, but not on the first
     * step (nothing is carried yet) nor in the gradient of the second (it reads the first step's
     * influence): there it equals RTRL, after it it differs.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "elman | hidden = [4]",
        "jordan | hidden = [4]",
        "fully-recurrent | units = 5",
        "partially-recurrent | hidden = [4], recurrence = full"})
    void snapEqualsRtrlOnTheFirstStepOfAnyNetwork(String topology, String settings) {
        Network network = network(topology, settings);
        int n = network.stateSize();
        int p = network.parameters().size();
        Sensitivities exact = new Sensitivities(network, 1);
        SnapInfluence snap = new SnapInfluence(network, 1);
        SplittableRandom random = new SplittableRandom(3);
        DMatrixRMaj state = new DMatrixRMaj(1, n);
        StepCache[] caches = {network.newStepCache(1), network.newStepCache(1)};
        double[] exactGradient = new double[p];
        double[] snapGradient = new double[p];
        for (int t = 0; t < 4; t++) {
            DMatrixRMaj input = new DMatrixRMaj(1, 2);
            input.data[0] = random.nextDouble(-1, 1);
            input.data[1] = random.nextDouble(-1, 1);
            StepCache cache = caches[t % 2];
            network.forward(state, input, cache);
            DMatrixRMaj previousGradient = new DMatrixRMaj(1, n);
            for (int i = 0; i < n; i++) {
                previousGradient.data[i] = random.nextDouble(-1, 1);
            }
            java.util.Arrays.fill(exactGradient, 0);
            java.util.Arrays.fill(snapGradient, 0);
            exact.addGradient(previousGradient, exactGradient);
            snap.addGradient(previousGradient, snapGradient);
            double error = ContractChecks.relativeError(snapGradient, exactGradient);
            if (t <= 1) {
                assertTrue(error <= 1e-12, topology + ", step " + (t + 1) + ": " + error);
            } else if (t == 3) {
                assertTrue(error > 1e-6, topology + ": SnAp-1 drops some influence by step 4, but differs by " + error);
            }
            exact.advance(cache);
            snap.advance(cache);
            state = cache.state().copy();
        }
    }

    /**
     * The graph kit gives SnAp-1's pattern for networks whose weights each reach one unit, and
     * snap then computes only the pattern's entries: the same numbers, bit for bit, as reading the
     * dense immediate Jacobian (a wrapper that hides the pattern), over steps of a batch.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "elman | hidden = [4] | true",
        "fully-recurrent | units = 5 | true",
        "partially-recurrent | hidden = [4], recurrence = full | true",
        "partially-recurrent | hidden = [4], recurrence = self | true",
        "jordan | hidden = [4] | false",
        "elman | hidden = [4, 3] | false"})
    void theKitsPatternGivesWhatTheDenseJacobianGives(String topology, String settings, boolean given) {
        Network network = network(topology, settings);
        SnapInfluence sparse = new SnapInfluence(network, 2);
        SnapInfluence dense = new SnapInfluence(new org.rnn4j.tck.ForwardingNetwork(network), 2);
        assertEquals(given, sparse.sparse(), topology + " " + settings);
        assertFalse(dense.sparse());
        assertEquals(dense.entries(), sparse.entries(), "the same pattern");
        int n = network.stateSize();
        int p = network.parameters().size();
        SplittableRandom random = new SplittableRandom(5);
        DMatrixRMaj state = new DMatrixRMaj(2, n);
        StepCache[] caches = {network.newStepCache(2), network.newStepCache(2)};
        for (int t = 0; t < 5; t++) {
            DMatrixRMaj input = new DMatrixRMaj(2, 2);
            for (int i = 0; i < 4; i++) {
                input.data[i] = random.nextDouble(-1, 1);
            }
            StepCache cache = caches[t % 2];
            network.forward(state, input, cache);
            DMatrixRMaj previousGradient = new DMatrixRMaj(2, n);
            for (int i = 0; i < 2 * n; i++) {
                previousGradient.data[i] = random.nextDouble(-1, 1);
            }
            double[] fromSparse = new double[p];
            double[] fromDense = new double[p];
            sparse.addGradient(previousGradient, fromSparse);
            dense.addGradient(previousGradient, fromDense);
            assertArrayEquals(fromDense, fromSparse, "step " + (t + 1));
            sparse.advance(cache);
            dense.advance(cache);
            state = cache.state().copy();
        }
    }

    /**
     * UORO is unbiased: over many independent draws of its random signs, the mean of its gradient
     * estimates converges to RTRL's gradient. Each component's mean is within 5 standard errors of
     * RTRL's (a 1-in-a-million miss for a normal mean, over the ~50 components), and the estimates
     * are not RTRL's one by one.
     */
    @Test
    void uorosGradientEstimatesAverageToRtrls() {
        String settings = "units = 4";
        Network network = network("fully-recurrent", settings);
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(11));
        double[] rtrl = Fixtures.gradient(new RtrlTrainer(), Fixtures.settings("rnn4j.trainers.rtrl", "update = sequence"),
                network, new MeanSquaredError(), data);
        int p = rtrl.length;
        int draws = 4000;
        double[] sum = new double[p];
        double[] squares = new double[p];
        double spread = 0;
        for (int draw = 0; draw < draws; draw++) {
            double[] estimate = uoroGradient(network, data, draw);
            for (int k = 0; k < p; k++) {
                sum[k] += estimate[k];
                squares[k] += estimate[k] * estimate[k];
            }
            spread = Math.max(spread, ContractChecks.relativeError(estimate, rtrl));
        }
        double worst = 0;
        for (int k = 0; k < p; k++) {
            double mean = sum[k] / draws;
            double variance = Math.max(0, squares[k] / draws - mean * mean);
            double standardError = Math.sqrt(variance / draws);
            double z = Math.abs(mean - rtrl[k]) / (standardError + 1e-15);
            worst = Math.max(worst, z);
        }
        assertTrue(worst < 5, "the worst component's mean is " + worst + " standard errors from RTRL's");
        assertTrue(spread > 1e-3, "single estimates differ from RTRL's (by up to " + spread + ")");
    }

    /** The gradient UORO estimates for one pass over {@code data} (update = sequence), its signs from {@code seed}. */
    private static double[] uoroGradient(Network network, DataSet data, long seed) {
        int n = network.stateSize();
        int p = network.parameters().size();
        double[] gradient = new double[p];
        UoroInfluence influence = new UoroInfluence(network, 1);
        influence.reseed(seed);
        var loss = new MeanSquaredError();
        var direct = network.parameters().zerosLike();
        double[] flat = new double[p];
        int targets = 0;
        for (Sequence sequence : data.sequences()) {
            influence.reset();
            DMatrixRMaj state = new DMatrixRMaj(1, n);
            network.initialState(state);
            StepCache[] caches = {network.newStepCache(1), network.newStepCache(1)};
            for (int t = 0; t < sequence.length(); t++) {
                DMatrixRMaj input = new DMatrixRMaj(1, data.inputSize());
                System.arraycopy(sequence.inputs().data, t * data.inputSize(), input.data, 0, data.inputSize());
                StepCache cache = caches[t % 2];
                network.forward(state, input, cache);
                if (sequence.hasTarget(t)) {
                    DMatrixRMaj target = new DMatrixRMaj(1, data.outputSize());
                    System.arraycopy(sequence.targets().data, t * data.outputSize(), target.data, 0, data.outputSize());
                    DMatrixRMaj outputGradient = new DMatrixRMaj(1, data.outputSize());
                    loss.evaluate(cache.output(), target, 0, 1.0, outputGradient);
                    DMatrixRMaj previousGradient = new DMatrixRMaj(1, n);
                    direct.zero();
                    network.backward(cache, outputGradient, new DMatrixRMaj(1, n), direct, previousGradient, null);
                    direct.flatten(flat);
                    influence.addGradient(previousGradient, flat);
                    for (int k = 0; k < p; k++) {
                        gradient[k] += flat[k];
                    }
                    targets++;
                }
                influence.advance(cache);
                state = cache.state().copy();
            }
        }
        for (int k = 0; k < p; k++) {
            gradient[k] /= targets;
        }
        return gradient;
    }

    /** The batch session's UORO is reproducible: the same seed, the same result, on any number of threads. */
    @Test
    void uoroIsReproducibleAndLearns() {
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(12));
        Network first = network("elman", "hidden = [4]");
        Network second = network("elman", "hidden = [4]");
        train(new UoroTrainer(), first, data);
        train(new UoroTrainer(), second, data);
        assertArrayEquals(first.parameters().toArray(), second.parameters().toArray());
        assertFalse(java.util.Arrays.equals(first.parameters().toArray(), network("elman", "hidden = [4]").parameters().toArray()));
    }

    @Test
    void snapLevelTwoIsRefusedSayingWhy() {
        InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new SnapTrainer().start(new org.rnn4j.api.training.TrainingSetup(
                        Fixtures.settings("rnn4j.trainers.snap", "level = 2"), network("elman", "hidden = [4]"),
                        Fixtures.data(2, 3, new SplittableRandom(1)), new MeanSquaredError(), (parameters, gradient) -> { },
                        1, org.rnn4j.api.training.TrainingListener.NONE)));
        assertTrue(error.getMessage().startsWith("rnn4j.trainer.level: expected 1: SnAp-2"), error.getMessage());
        assertEquals(true, new SnapTrainer().learnsOnline());
    }
}
