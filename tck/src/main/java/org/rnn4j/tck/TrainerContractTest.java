package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.activation.Tanh;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSetup;

/**
 * The contract of a {@link Trainer}: a session updates as the trainer declares
 * ({@link Trainer#updates}) — data-parallel training relies on it — and learns.
 */
public abstract class TrainerContractTest {

    /** The trainer under test. */
    protected abstract Trainer trainer();

    /** HOCON overriding its defaults ({@code rnn4j.trainers.<name>}). */
    protected String settings() {
        return "";
    }

    @Test
    void aPassOverOneBatchUpdatesAsDeclared() {
        Trainer trainer = trainer();
        var settings = Defaults.of("rnn4j.trainers", trainer.name(), settings());
        int[] updates = new int[1];
        ParameterUpdater counting = (parameters, gradient) -> updates[0]++;
        DataSet data = data();
        trainer.start(new TrainingSetup(settings, network(), data, new MeanSquaredError(), counting,
                data.sequences().size(), TrainingListener.NONE)).runEpoch(1, new SplittableRandom(71));
        if (trainer.updates(settings) == Trainer.Updates.ONCE_PER_BATCH) {
            assertEquals(1, updates[0], "declared one update per batch");
        } else {
            assertTrue(updates[0] >= 1, "no update in a pass over a batch");
        }
    }

    @Test
    void aFewEpochsLowerTheLoss() {
        Trainer trainer = trainer();
        var settings = Defaults.of("rnn4j.trainers", trainer.name(), settings());
        ParameterUpdater descent = (parameters, gradient) -> {
            for (int b = 0; b < parameters.blocks().size(); b++) {
                Parameters.Block block = parameters.blocks().get(b);
                double[] g = gradient.blocks().get(b).value().data;
                for (int i = 0; i < block.size(); i++) {
                    block.value().data[i] -= 0.05 * g[i];
                }
            }
        };
        DataSet data = data();
        var session = trainer.start(new TrainingSetup(settings, network(), data, new MeanSquaredError(), descent, 2,
                TrainingListener.NONE));
        double first = session.runEpoch(1, new SplittableRandom(1));
        double last = first;
        for (int epoch = 2; epoch <= 20; epoch++) {
            last = session.runEpoch(epoch, new SplittableRandom(epoch));
        }
        assertTrue(last < first, "the loss fell: " + first + " → " + last);
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(trainer().name()).matches(), "name '" + trainer().name() + "'");
    }

    /** A small Elman network: one input, three recurrent tanh units, one linear output. */
    private static Network network() {
        return LayerGraph.builder(1)
                .group("hidden", 3, new Tanh(), true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .group("output", 1, new Identity(), true)
                .connect("hidden", "output", 0)
                .output("output")
                .build()
                .network(new SplittableRandom(70));
    }

    /** Four sequences: predict the input of the step before. */
    private static DataSet data() {
        SplittableRandom random = new SplittableRandom(72);
        List<Sequence> sequences = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            DMatrixRMaj x = new DMatrixRMaj(6, 1);
            DMatrixRMaj y = new DMatrixRMaj(6, 1);
            for (int t = 0; t < 6; t++) {
                x.data[t] = random.nextDouble(-1, 1);
                y.data[t] = t == 0 ? 0 : x.data[t - 1];
            }
            sequences.add(new Sequence(x, y));
        }
        return new DataSet("delay", 1, 1, sequences, List.of());
    }
}
