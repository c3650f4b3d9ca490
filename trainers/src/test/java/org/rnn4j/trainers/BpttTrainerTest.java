package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.loss.CrossEntropy;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;
import org.rnn4j.topologies.ElmanTopology;

final class BpttTrainerTest {

    private static final Config FULL = Fixtures.settings("rnn4j.trainers.bptt", "");

    private static Network elman(String settings, int inputs, int outputs) {
        Network network = TestTopologyContext.build(new ElmanTopology(), settings, inputs, outputs, 1);
        ContractChecks.randomizeParameters(network, new SplittableRandom(5));
        return network;
    }

    private static void checkGradient(Loss loss, String outputActivation) {
        SplittableRandom random = new SplittableRandom(7);
        Network network = elman("hidden = [4, 3], output-activation = " + outputActivation, 2, 3);
        DataSet data = Fixtures.data(2, 3, random);
        double[] analytic = Fixtures.gradient(new BpttTrainer(), FULL, network, loss, data);

        Parameters parameters = network.parameters();
        double[] theta = parameters.toArray();
        double[] numeric = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + 1e-5;
            parameters.unflatten(theta);
            double plus = Fixtures.meanLoss(network, loss, data);
            theta[i] = saved - 1e-5;
            parameters.unflatten(theta);
            double minus = Fixtures.meanLoss(network, loss, data);
            theta[i] = saved;
            parameters.unflatten(theta);
            numeric[i] = (plus - minus) / 2e-5;
        }
        double error = ContractChecks.relativeError(analytic, numeric);
        assertTrue(error < 1e-7, loss.name() + ": relative error " + error);
    }

    @Test
    void theBatchGradientIsThatOfTheMeanLossPerTargetStepWithPaddingAndMasks() {
        checkGradient(new MeanSquaredError(), "sigmoid");
        checkGradient(new CrossEntropy(), "identity");
    }

    @Test
    void truncatedWithK1EqualToK2EqualToTheLengthIsFullBptt() {
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(8));
        double[] full = Fixtures.gradient(new BpttTrainer(), FULL, elman("hidden = [4]", 2, 3), new MeanSquaredError(), data);
        double[] truncated = Fixtures.gradient(new BpttTrainer(), Fixtures.settings("rnn4j.trainers.bptt", "k1 = 5, k2 = 5"),
                elman("hidden = [4]", 2, 3), new MeanSquaredError(), data);
        assertArrayEquals(full, truncated, 1e-15);
    }

    @Test
    void truncationUpdatesEveryK1StepsAndASequenceShorterThanK1StillTrains() {
        List<Integer> updates = new ArrayList<>();
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(9));
        Network network = elman("hidden = [4]", 2, 3);
        double[] before = network.parameters().toArray();
        TrainingSetup setup = new TrainingSetup(Fixtures.settings("rnn4j.trainers.bptt", "k1 = 2, k2 = 3"), network,
                new DataSet("short", 2, 3, List.of(data.sequences().get(1)), List.of()), new MeanSquaredError(),
                (parameters, gradient) -> parameters.get("output.bias").data[0] += 1, 1, new TrainingListener() {
                    @Override
                    public void onBatch(BatchEvent event) {
                        updates.add(event.batch());
                    }
                });
        new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(1));
        assertEquals(List.of(1), updates, "a 2-step sequence with k1 = 2 is one update");
        assertFalse(Arrays.equals(before, network.parameters().toArray()));

        updates.clear();
        TrainingSetup longer = new TrainingSetup(Fixtures.settings("rnn4j.trainers.bptt", "k1 = 7, k2 = 9"), network,
                new DataSet("short", 2, 3, List.of(data.sequences().get(2)), List.of()), new MeanSquaredError(),
                (parameters, gradient) -> { }, 1, new TrainingListener() {
                    @Override
                    public void onBatch(BatchEvent event) {
                        updates.add(event.batch());
                    }
                });
        new BpttTrainer().start(longer).runEpoch(1, new SplittableRandom(1));
        assertEquals(List.of(1), updates, "a 5-step sequence shorter than k1 = 7 still trains, once");
    }

    @Test
    void eachTruncatedUpdateBackPropagatesItsStepsLossThroughK2StepsOnly() {
        // k1 = 1, k2 = 2: the update after step t is the gradient of step t's loss with the state
        // two steps back, s_{t-2}, held fixed. Checked against finite differences of exactly that.
        Sequence sequence = Fixtures.data(2, 3, new SplittableRandom(10)).sequences().get(2);
        Network network = elman("hidden = [4]", 2, 3);
        List<double[]> updates = new ArrayList<>();
        TrainingSetup setup = new TrainingSetup(Fixtures.settings("rnn4j.trainers.bptt", "k1 = 1, k2 = 2"), network,
                new DataSet("one", 2, 3, List.of(sequence), List.of()), new MeanSquaredError(),
                (parameters, gradient) -> updates.add(gradient.toArray()), 1, TrainingListener.NONE);
        new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(1));

        List<Integer> stepsWithTargets = List.of(0, 2, 3, 4);
        assertEquals(stepsWithTargets.size(), updates.size(), "one update per step with a target");
        DMatrixRMaj[] states = new DMatrixRMaj[sequence.length() + 1];
        states[0] = new DMatrixRMaj(1, network.stateSize());
        for (int t = 0; t < sequence.length(); t++) {
            states[t + 1] = run(network, states[t], sequence, t, t).state;
        }
        Parameters parameters = network.parameters();
        double[] theta = parameters.toArray();
        for (int u = 0; u < updates.size(); u++) {
            int t = stepsWithTargets.get(u);
            int from = Math.max(0, t - 1);
            double[] numeric = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                double saved = theta[i];
                theta[i] = saved + 1e-5;
                parameters.unflatten(theta);
                double plus = run(network, states[from], sequence, from, t).loss;
                theta[i] = saved - 1e-5;
                parameters.unflatten(theta);
                double minus = run(network, states[from], sequence, from, t).loss;
                theta[i] = saved;
                parameters.unflatten(theta);
                numeric[i] = (plus - minus) / 2e-5;
            }
            double error = ContractChecks.relativeError(updates.get(u), numeric);
            assertTrue(error < 1e-7, "update after step " + t + ": relative error " + error);
        }
    }

    private record Run(DMatrixRMaj state, double loss) {
    }

    /** Steps {@code from … to} of {@code sequence} from {@code state}; the loss of step {@code to}. */
    private static Run run(Network network, DMatrixRMaj state, Sequence sequence, int from, int to) {
        var cache = network.newStepCache(1);
        DMatrixRMaj current = state;
        for (int t = from; t <= to; t++) {
            DMatrixRMaj x = new DMatrixRMaj(1, 2);
            System.arraycopy(sequence.inputs().data, t * 2, x.data, 0, 2);
            network.forward(current, x, cache);
            current = cache.state().copy();
        }
        DMatrixRMaj target = new DMatrixRMaj(1, 3);
        System.arraycopy(sequence.targets().data, to * 3, target.data, 0, 3);
        return new Run(current, new MeanSquaredError().evaluate(cache.output(), target, 0, 0, null));
    }

    @Test
    void k1AndK2MustBothBeZeroOrPositiveWithK2AtLeastK1() {
        Network network = elman("hidden = [2]", 2, 3);
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(1));
        for (String bad : List.of("k1 = 3, k2 = 0", "k1 = 4, k2 = 2", "k1 = 0, k2 = 5")) {
            TrainingSetup setup = new TrainingSetup(Fixtures.settings("rnn4j.trainers.bptt", bad), network, data,
                    new MeanSquaredError(), (p, g) -> { }, 1, TrainingListener.NONE);
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> new BpttTrainer().start(setup));
            assertTrue(error.getMessage().startsWith("rnn4j.trainer.k"), error.getMessage());
        }
    }

    @Test
    void theEpochLossIsTheMeanLossPerTargetStepBeforeEachUpdate() {
        Network network = elman("hidden = [3]", 2, 3);
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(8));
        double expected = Fixtures.meanLoss(network, new MeanSquaredError(), data);
        TrainingSetup setup = new TrainingSetup(FULL, network, data, new MeanSquaredError(), (parameters, gradient) -> { },
                2, TrainingListener.NONE);
        assertEquals(expected, new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(3)), 1e-14);
    }

    @Test
    void anEpochDependsOnlyOnTheParametersAndItsRandomStream() {
        double[][] results = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network network = elman("hidden = [3]", 2, 3);
            DataSet data = Fixtures.data(2, 3, new SplittableRandom(9));
            TrainingSetup setup = new TrainingSetup(FULL, network, data, new MeanSquaredError(),
                    new AdamOptimizer().create(Fixtures.settings("rnn4j.optimizers.adam", ""), network.parameters()),
                    1, TrainingListener.NONE);
            var session = new BpttTrainer().start(setup);
            for (int epoch = 1; epoch <= 3; epoch++) {
                session.runEpoch(epoch, new SplittableRandom(epoch));
            }
            results[run] = network.parameters().toArray();
        }
        assertArrayEquals(results[0], results[1]);
    }

    @Test
    void aListenerStopsTrainingAfterTheCurrentUpdate() {
        Network network = elman("hidden = [3]", 2, 3);
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(9));
        int[] updates = new int[1];
        TrainingSetup setup = new TrainingSetup(FULL, network, data, new MeanSquaredError(), (p, g) -> updates[0]++, 1,
                new TrainingListener() {
                    @Override
                    public boolean stopRequested() {
                        return updates[0] >= 2;
                    }
                });
        new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(1));
        assertEquals(2, updates[0], "three batches, stopped after the second");
    }
}
