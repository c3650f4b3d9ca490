package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.loss.CrossEntropy;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;
import org.rnn4j.topologies.ElmanTopology;

final class BpttTrainerTest {

    /** Sequences of different lengths, some steps without a target. */
    private static DataSet data(int inputs, int outputs, SplittableRandom random) {
        List<Sequence> sequences = new ArrayList<>();
        int[] lengths = {4, 2, 5};
        for (int length : lengths) {
            DMatrixRMaj x = new DMatrixRMaj(length, inputs);
            DMatrixRMaj y = new DMatrixRMaj(length, outputs);
            boolean[] mask = new boolean[length];
            for (int t = 0; t < length; t++) {
                for (int i = 0; i < inputs; i++) {
                    x.set(t, i, random.nextDouble(-1, 1));
                }
                for (int k = 0; k < outputs; k++) {
                    y.set(t, k, random.nextDouble());
                }
                mask[t] = t != 1;
            }
            sequences.add(new Sequence(x, y, mask));
        }
        return new DataSet("test", inputs, outputs, sequences, List.of());
    }

    /** Mean loss per target step over all sequences, each run alone from a zero state. */
    private static double meanLoss(Network network, Loss loss, DataSet data) {
        double sum = 0;
        int count = 0;
        for (Sequence sequence : data.sequences()) {
            DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
            StepCache cache = network.newStepCache(1);
            for (int t = 0; t < sequence.length(); t++) {
                DMatrixRMaj x = new DMatrixRMaj(1, data.inputSize());
                System.arraycopy(sequence.inputs().data, t * data.inputSize(), x.data, 0, data.inputSize());
                network.forward(state, x, cache);
                state = cache.state().copy();
                if (sequence.hasTarget(t)) {
                    DMatrixRMaj target = new DMatrixRMaj(1, data.outputSize());
                    System.arraycopy(sequence.targets().data, t * data.outputSize(), target.data, 0, data.outputSize());
                    sum += loss.evaluate(cache.output(), target, 0, 0, null);
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static void checkGradient(Loss loss, String outputActivation) {
        SplittableRandom random = new SplittableRandom(7);
        Network network = TestTopologyContext.build(new ElmanTopology(),
                "hidden = [4, 3], output-activation = " + outputActivation, 2, 3, 1);
        ContractChecks.randomizeParameters(network, random);
        DataSet data = data(2, 3, random);
        double[] captured = new double[network.parameters().size()];
        TrainingSetup setup = new TrainingSetup(ConfigFactory.empty(), network, data, loss,
                (parameters, gradient) -> gradient.flatten(captured), data.sequences().size(), TrainingListener.NONE);
        new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(1));

        Parameters parameters = network.parameters();
        double[] theta = parameters.toArray();
        double[] numeric = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + 1e-5;
            parameters.unflatten(theta);
            double plus = meanLoss(network, loss, data);
            theta[i] = saved - 1e-5;
            parameters.unflatten(theta);
            double minus = meanLoss(network, loss, data);
            theta[i] = saved;
            parameters.unflatten(theta);
            numeric[i] = (plus - minus) / 2e-5;
        }
        double error = ContractChecks.relativeError(captured, numeric);
        assertTrue(error < 1e-7, loss.name() + ": relative error " + error);
    }

    @Test
    void theBatchGradientIsThatOfTheMeanLossPerTargetStepWithPaddingAndMasks() {
        checkGradient(new MeanSquaredError(), "sigmoid");
        checkGradient(new CrossEntropy(), "identity");
    }

    @Test
    void theEpochLossIsTheMeanLossPerTargetStepBeforeEachUpdate() {
        SplittableRandom random = new SplittableRandom(8);
        Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [3]", 2, 3, 1);
        DataSet data = data(2, 3, random);
        double expected = meanLoss(network, new MeanSquaredError(), data);
        TrainingSetup setup = new TrainingSetup(ConfigFactory.empty(), network, data, new MeanSquaredError(),
                (parameters, gradient) -> { }, 2, TrainingListener.NONE);
        assertEquals(expected, new BpttTrainer().start(setup).runEpoch(1, new SplittableRandom(3)), 1e-14);
    }

    @Test
    void anEpochDependsOnlyOnTheParametersAndItsRandomStream() {
        double[][] results = new double[2][];
        for (int run = 0; run < 2; run++) {
            Network network = TestTopologyContext.build(new ElmanTopology(), "hidden = [3]", 2, 3, 1);
            DataSet data = data(2, 3, new SplittableRandom(9));
            TrainingSetup setup = new TrainingSetup(ConfigFactory.empty(), network, data, new MeanSquaredError(),
                    new AdamOptimizer().create(ConfigFactory.parseString(
                            "learning-rate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8"), network.parameters()),
                    1, TrainingListener.NONE);
            var session = new BpttTrainer().start(setup);
            for (int epoch = 1; epoch <= 3; epoch++) {
                session.runEpoch(epoch, new SplittableRandom(epoch));
            }
            results[run] = network.parameters().toArray();
        }
        assertArrayEquals(results[0], results[1]);
    }
}
