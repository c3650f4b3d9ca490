package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.tck.ContractChecks;
import org.rnn4j.tck.TestTopologyContext;

final class RtrlTrainerTest {

    private static final Config PER_SEQUENCE = Fixtures.settings("rnn4j.trainers.rtrl", "update = sequence");

    private static Network network(String topology, String settings) {
        Network network = TestTopologyContext.build(Fixtures.topology(topology), settings, 2, 3, 1);
        ContractChecks.randomizeParameters(network, new SplittableRandom(4));
        return network;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feedforward | hidden = [4, 3]",
        "elman | hidden = [4, 3]",
        "jordan | hidden = [4], alpha = 0.5",
        "partially-recurrent | hidden = [4, 3], recurrence = self",
        "partially-recurrent | hidden = [4], recurrence = full",
        "fully-recurrent | units = 5"})
    void perSequenceRtrlGivesBpttsGradient(String topology, String settings) {
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(11));
        double[] bptt = Fixtures.gradient(new BpttTrainer(), Fixtures.settings("rnn4j.trainers.bptt", ""),
                network(topology, settings), new MeanSquaredError(), data);
        double[] rtrl = Fixtures.gradient(new RtrlTrainer(), PER_SEQUENCE, network(topology, settings), new MeanSquaredError(), data);
        double error = ContractChecks.relativeError(rtrl, bptt);
        assertTrue(error <= 1e-9, topology + ": relative difference " + error);
    }

    @Test
    void onlineRtrlUpdatesAfterEveryStepThatHasATarget() {
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(12));
        List<BatchEvent> events = new ArrayList<>();
        int[] updates = new int[1];
        TrainingSetup setup = new TrainingSetup(Fixtures.settings("rnn4j.trainers.rtrl", "update = step"),
                network("elman", "hidden = [3]"), data, new MeanSquaredError(), (p, g) -> updates[0]++, 1,
                new TrainingListener() {
                    @Override
                    public void onBatch(BatchEvent event) {
                        events.add(event);
                    }
                });
        new RtrlTrainer().start(setup).runEpoch(1, new SplittableRandom(1));
        assertEquals(data.targetSteps(), updates[0], "lengths 4 + 2 + 5, each without a target at step 1");
        assertEquals(updates[0], events.size());
    }

    @Test
    void onlineRtrlsFirstUpdateIsTheGradientOfTheFirstStepsLoss() {
        // Before any update, RTRL's step gradient is exact: compare the first update of a one-step
        // sequence with BPTT's.
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(13));
        DataSet first = new DataSet("first", 2, 3, List.of(new org.rnn4j.api.data.Sequence(
                data.sequences().get(0).inputs(), data.sequences().get(0).targets(), new boolean[] {false, false, true, false})),
                List.of());
        double[] bptt = Fixtures.gradient(new BpttTrainer(), Fixtures.settings("rnn4j.trainers.bptt", ""),
                network("elman", "hidden = [3]"), new MeanSquaredError(), first);
        double[] online = Fixtures.gradient(new RtrlTrainer(), Fixtures.settings("rnn4j.trainers.rtrl", "update = step"),
                network("elman", "hidden = [3]"), new MeanSquaredError(), first);
        assertTrue(ContractChecks.relativeError(online, bptt) <= 1e-9);
    }

    @Test
    void teacherForcingNeedsOutputsInTheState() {
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(14));
        TrainingSetup elman = new TrainingSetup(Fixtures.settings("rnn4j.trainers.rtrl", "teacher-forcing = true"),
                network("elman", "hidden = [3]"), data, new MeanSquaredError(), (p, g) -> { }, 1, TrainingListener.NONE);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new RtrlTrainer().start(elman));
        assertTrue(error.getMessage().startsWith("rnn4j.trainer.teacher-forcing: needs a network whose outputs"), error.getMessage());
    }

    @Test
    void teacherForcedGradientIsThatOfTheForcedNetwork() {
        // With teacher forcing the outputs fed back are the targets: the network's remaining state
        // evolves from them. The per-sequence RTRL gradient must match finite differences of the
        // loss of that forced run.
        DataSet data = Fixtures.data(2, 3, new SplittableRandom(15));
        Network network = network("fully-recurrent", "units = 5");
        double[] rtrl = Fixtures.gradient(new RtrlTrainer(),
                Fixtures.settings("rnn4j.trainers.rtrl", "update = sequence, teacher-forcing = true"),
                network, new MeanSquaredError(), data);
        var parameters = network.parameters();
        double[] theta = parameters.toArray();
        double[] numeric = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + 1e-5;
            parameters.unflatten(theta);
            double plus = forcedLoss(network, data);
            theta[i] = saved - 1e-5;
            parameters.unflatten(theta);
            double minus = forcedLoss(network, data);
            theta[i] = saved;
            parameters.unflatten(theta);
            numeric[i] = (plus - minus) / 2e-5;
        }
        double error = ContractChecks.relativeError(rtrl, numeric);
        assertTrue(error < 1e-7, "relative error " + error);
    }

    private static double forcedLoss(Network network, DataSet data) {
        double sum = 0;
        int count = 0;
        int offset = network.outputStateOffset();
        for (var sequence : data.sequences()) {
            var state = new org.ejml.data.DMatrixRMaj(1, network.stateSize());
            var cache = network.newStepCache(1);
            for (int t = 0; t < sequence.length(); t++) {
                var x = new org.ejml.data.DMatrixRMaj(1, 2);
                System.arraycopy(sequence.inputs().data, t * 2, x.data, 0, 2);
                network.forward(state, x, cache);
                state = cache.state().copy();
                if (sequence.hasTarget(t)) {
                    var target = new org.ejml.data.DMatrixRMaj(1, 3);
                    System.arraycopy(sequence.targets().data, t * 3, target.data, 0, 3);
                    sum += new MeanSquaredError().evaluate(cache.output(), target, 0, 0, null);
                    count++;
                    System.arraycopy(target.data, 0, state.data, offset, 3);
                }
            }
        }
        return sum / count;
    }
}
