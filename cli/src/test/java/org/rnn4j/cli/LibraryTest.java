package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.core.EpochRunner;
import org.rnn4j.core.InMemoryData;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingRun;

/** rnn4j as a library: data from arrays, a Model that predicts, streams, learns online, evaluates and saves. */
final class LibraryTest {

    @TempDir
    Path folder;

    /** A noisy sine, one value a step: predict the next value. */
    private static DataSet sine(int sequences, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InMemoryData data = InMemoryData.builder("sine", 1, 1).names(List.of("level"), List.of("next"));
        for (int s = 0; s < sequences; s++) {
            double phase = random.nextDouble(0, 2 * Math.PI);
            double[][] x = new double[20][1];
            double[][] y = new double[20][1];
            for (int t = 0; t < 20; t++) {
                x[t][0] = 5 + 2 * Math.sin(phase + 0.5 * t);
                y[t][0] = 5 + 2 * Math.sin(phase + 0.5 * (t + 1));
            }
            data.sequence(x, y);
        }
        return data.build();
    }

    private static Rnn4j rnn4j(String settings) {
        return Rnn4j.create(ConfigFactory.parseString("rnn4j { topology { hidden = [6], output-activation = identity }, "
                + "data.normalize = standard, " + settings + " }"));
    }

    @Test
    void aHostTrainsOnArraysAndTheModelKeepsTheirNamesAndScaling() {
        TrainingRun run = rnn4j("trainer.epochs = 30").train(sine(60, 1));
        Model model = run.model();
        assertEquals(List.of("level"), model.inputNames());
        assertEquals(List.of("next"), model.targetNames());
        assertEquals("in-memory", model.data());
        assertEquals(12, run.evaluation().sequences(), "a fifth held out, as for any data set");
        double[][] predicted = model.predict(new double[][] {{5.0}, {5.96}, {6.68}, {6.99}});
        assertEquals(4, predicted.length);
        assertTrue(Math.abs(predicted[3][0] - 6.82) < 1.0, "in the data's own units, near the next value: " + predicted[3][0]);
        InvalidInputException noData = assertThrows(InvalidInputException.class, model::evaluate);
        assertTrue(noData.getMessage().contains("trained on data given in memory; evaluate it with evaluate(DataSet)"),
                noData.getMessage());
        Evaluation other = model.evaluate(sine(10, 2));
        assertEquals(10, other.sequences());
        assertTrue(other.lossPerStep() < 0.5, "it learned: " + other.lossPerStep());
    }

    @Test
    void predictingOneSequenceManyAtOnceAndStepByStepAgreeToTheBit() {
        Model model = rnn4j("trainer.epochs = 3").train(sine(30, 3)).model();
        double[][] a = {{5.0}, {6.0}, {6.5}};
        double[][] b = {{4.0}, {3.5}, {3.2}, {3.4}, {4.1}};
        List<double[][]> together = model.predict(List.of(a, b));
        assertArrayEquals(model.predict(a), together.get(0));
        assertArrayEquals(model.predict(b), together.get(1));
        Predictor stream = model.predictor();
        for (double[][] sequence : List.of(a, b)) {
            stream.reset();
            double[][] expected = model.predict(sequence);
            for (int t = 0; t < sequence.length; t++) {
                assertArrayEquals(expected[t], stream.predict(sequence[t]), "step " + t);
            }
        }
        assertFalse(stream.learns());
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSame() {
        Rnn4j rnn4j = rnn4j("trainer.epochs = 3");
        Model model = rnn4j.train(sine(30, 4)).model();
        Path file = folder.resolve("sine.rnn4j");
        model.save(file);
        Model loaded = rnn4j.load(file);
        double[][] x = {{5.0}, {6.0}, {6.5}, {6.2}};
        assertArrayEquals(model.predict(x), loaded.predict(x));
        assertEquals(model.inputNames(), loaded.inputNames());
        assertArrayEquals(model.parameters(), loaded.parameters());
    }

    /**
     * The learner is RTRL's online update, written once: a model streaming a sequence with
     * {@code learner("rtrl")} ends with the parameters of the rtrl trainer's own epoch over that
     * sequence (update = step), bit for bit — with the trainer's own settings, teacher forcing included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"topology.type = elman", "topology.type = jordan, trainer.teacher-forcing = true"})
    void learningOnlineIsTheRtrlTrainersStepUpdate(String network) {
        String settings = network + ", trainer { type = rtrl, update = step, epochs = 1, batch-size = 1, "
                + "optimizer { type = sgd, learning-rate = 0.05, momentum = 0 } }, data.normalize = none";
        Rnn4j rnn4j = rnn4j(settings);
        DataSet first = sine(1, 5);
        Model model = rnn4j.train(first).model();
        DataSet next = sine(1, 6);

        Sgd sgd = new Sgd(0.05);
        EpochRunner session = rnn4j.epochRunner(next, sgd, 1);
        session.network().parameters().unflatten(model.parameters());
        session.runEpoch(1, new SplittableRandom(1));

        Predictor learner = model.learner("rtrl");
        double[][] x = new double[20][];
        double[][] y = new double[20][];
        for (int t = 0; t < 20; t++) {
            x[t] = new double[] {next.sequences().get(0).inputs().get(t, 0)};
            y[t] = new double[] {next.sequences().get(0).targets().get(t, 0)};
            learner.predict(x[t]);
            learner.learn(y[t]);
        }
        assertEquals(20, learner.updates());
        assertArrayEquals(session.network().parameters().toArray(), learner.model().parameters());
        assertNotEquals(model.parameters()[0], learner.model().parameters()[0]);
        assertArrayEquals(model.parameters(), model.learner("rtrl").model().parameters(), "the model itself is unchanged");
    }

    @Test
    void predictReadsTheModelsInputsByNameWritesItsTargetsNamesAndRefusesAFileWithoutThem() throws Exception {
        Path file = folder.resolve("sine.rnn4j");
        rnn4j("trainer.epochs = 3").train(sine(20, 8)).model().save(file);
        Path dated = java.nio.file.Files.writeString(folder.resolve("dated.csv"), "month,level,note\n2020-01,5,a\n2020-02,6,b\n");
        Outcome outcome = Outcome.run("predict", file.toString(), dated.toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals("step,next", outcome.out().lines().findFirst().orElseThrow());
        assertEquals(3, outcome.out().strip().lines().count());
        Outcome dates = Outcome.run("predict", file.toString(), dated.toString(), "--time-column", "month");
        assertEquals(0, dates.status(), dates.err());
        List<String> lines = dates.out().strip().lines().toList();
        assertEquals("month,next", lines.get(0));
        List<String> steps = outcome.out().strip().lines().toList();
        assertEquals("2020-01," + steps.get(1).split(",")[1], lines.get(1), "the same prediction, labelled by its month");
        assertEquals("2020-02," + steps.get(2).split(",")[1], lines.get(2));
        Outcome missing = Outcome.run("predict", file.toString(), dated.toString(), "--time-column", "date");
        assertEquals(2, missing.status());
        assertEquals("rnn4j: " + dated + ": has no column 'date' (asked for by --time-column); its columns are month, level,"
                + " note", missing.err().strip());
        Path other = java.nio.file.Files.writeString(folder.resolve("price.csv"), "price\n5\n");
        Outcome refused = Outcome.run("predict", file.toString(), other.toString());
        assertEquals(2, refused.status());
        assertEquals("rnn4j: " + other + ": has no column level (the model's inputs); name its columns so, or choose them"
                + " with --columns", refused.err().strip());
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedBeforeItsArraysAreRead() {
        Path checkpoint = folder.resolve("run.checkpoint");
        rnn4j("trainer { epochs = 2, checkpoint-every = 1 }").train(org.rnn4j.core.TrainingOptions.defaults()
                .data(sine(10, 9)).checkpointTo(checkpoint));
        Rnn4j other = Rnn4j.create(ConfigFactory.parseString("rnn4j { topology { hidden = [4], output-activation = identity },"
                + " trainer.epochs = 3 }"));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> other.train(
                org.rnn4j.core.TrainingOptions.defaults().data(sine(10, 9)).resumeFrom(checkpoint)));
        assertTrue(error.getMessage().startsWith(checkpoint + ": parameter block 1 is 'input->hidden1' 6x1 but 'elman'"
                + " builds 'input->hidden1' 4x1"), error.getMessage());
    }

    @Test
    void emptyOrRaggedArraysToPredictAreAUsersError() {
        Model model = rnn4j("trainer.epochs = 1").train(sine(10, 10)).model();
        assertEquals("no sequence to predict", assertThrows(InvalidInputException.class,
                () -> model.predict(List.<double[][]>of())).getMessage());
        assertEquals("sequence 1 has no steps", assertThrows(InvalidInputException.class,
                () -> model.predict(new double[0][])).getMessage());
        assertEquals("inputs step 2 has no values; the model takes 1", assertThrows(InvalidInputException.class,
                () -> model.predict(new double[][] {{1}, null})).getMessage());
    }

    @Test
    void aTrainerThatCannotLearnOnlineIsRefusedNamingThoseThatCan() {
        Model model = rnn4j("trainer.epochs = 1").train(sine(10, 7)).model();
        InvalidInputException error = assertThrows(InvalidInputException.class, model::learner);
        assertEquals("the trainer 'bptt' cannot learn online, one step at a time; trainers that can: rtrl, snap, uoro", error.getMessage());
    }

    @Test
    void aModelEvaluatesOnItsOwnHeldOutDataWhateverTheRnn4jThatLoadedIt() {
        Path file = folder.resolve("sine.rnn4j");
        TrainingRun run = Rnn4j.create(ConfigFactory.parseString("rnn4j { data.type = sine, trainer.epochs = 3, "
                + "topology.output-activation = identity }")).train();
        run.model().save(file);
        Model loaded = Rnn4j.create(ConfigFactory.empty()).load(file);  // configured for temporal XOR
        Evaluation evaluation = loaded.evaluate();
        assertEquals(run.evaluation(), evaluation);
        assertTrue(evaluation.metrics().containsKey("rmse"), evaluation.metrics().toString());
    }

    @Test
    void badArraysAreRefusedSayingWhichSequenceAndStep() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> InMemoryData.builder("d", 2, 1)
                .sequence(new double[][] {{1, 2}, {3}}, new double[][] {{1}, {2}}));
        assertEquals("sequence 1, step 2: expected 2 inputs, got 1", error.getMessage());
        InvalidInputException nan = assertThrows(InvalidInputException.class, () -> InMemoryData.builder("d", 1, 1)
                .sequence(new double[][] {{1}}, new double[][] {{Double.NaN}}));
        assertEquals("sequence 1, step 1: targets value 1 is NaN; values must be finite", nan.getMessage());
    }

    /** Plain gradient descent, for comparing an updater's steps exactly. */
    private static final class Sgd implements ParameterUpdater {
        private final double rate;

        Sgd(double rate) {
            this.rate = rate;
        }

        @Override
        public void update(Parameters parameters, Parameters gradient) {
            double[] theta = parameters.toArray();
            double[] g = gradient.toArray();
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= rate * g[i];
            }
            parameters.unflatten(theta);
        }
    }
}
