package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import org.rnn4j.core.Rnn4j;

/** Multi-step forecasts: a series continued from the model's own predictions, and scored per lead time. */
final class ForecastTest {

    private static final int HORIZON = 5;

    /** A noisy sine held out by time, the last 10 of 40 steps, with a seasonal baseline shorter than the horizon. */
    private static final int SEASON = 3;
    private static final String SINE = "rnn4j { data { type = sine, sequences = 12, noise = 0.05, test-steps = 10,"
            + " season = " + SEASON + " }, topology { hidden = [6], output-activation = identity }, trainer.epochs = 5 }";

    @TempDir
    static Path folder;

    private static Rnn4j rnn4j;
    private static Model model;

    @BeforeAll
    static void train() {
        rnn4j = Rnn4j.create(ConfigFactory.parseString(SINE));
        model = rnn4j.train().model();
    }

    @Test
    void aForecastFeedsEachPredictionBackAsTheNextInput() {
        double[][] history = {{0.1}, {0.4}, {0.6}, {0.75}};
        double[][] forecasts = model.forecast(history, 3);
        Predictor predictor = model.predictor();
        double[] next = null;
        for (double[] step : history) {
            next = predictor.predict(step);
        }
        assertArrayEquals(model.predict(history)[history.length - 1], forecasts[0]);
        assertArrayEquals(next, forecasts[0]);
        assertArrayEquals(predictor.predict(forecasts[0]), forecasts[1]);
        assertArrayEquals(predictor.predict(forecasts[1]), forecasts[2]);
    }

    @Test
    void leadOneIsTheOneStepEvaluationBesideTheSameBaselines() {
        Map<String, Double> lead1 = model.evaluateHorizon(HORIZON).get(0);
        Evaluation evaluation = model.evaluate();
        for (String figure : List.of("rmse", "mae", "persistence-rmse", "skill-vs-persistence", "seasonal-naive-rmse",
                "skill-vs-seasonal-naive")) {
            assertEquals(evaluation.metrics().get(figure), lead1.get(figure), 1e-12, figure);
        }
        assertEquals(evaluation.targetSteps(), lead1.get("forecasts"));
    }

    /** Every lead's figures, recomputed from {@link Model#forecast} from each origin of the held-out period. */
    @Test
    void eachLeadScoresTheForecastsMadeFromEveryHeldOutOrigin() {
        List<Map<String, Double>> leads = model.evaluateHorizon(HORIZON);
        DataSet held = rnn4j.heldOutData();
        double[] squares = new double[HORIZON];
        double[] persistence = new double[HORIZON];
        double[] seasonal = new double[HORIZON];
        int[] counts = new int[HORIZON];
        for (Sequence sequence : held.sequences()) {
            double[][] inputs = rows(sequence.inputs());
            for (int origin = 0; origin < sequence.length(); origin++) {
                if (!sequence.hasTarget(origin)) {
                    continue;
                }
                double[][] forecasts = model.forecast(Arrays.copyOf(inputs, origin + 1), HORIZON);
                for (int h = 1; h <= HORIZON && origin + h - 1 < sequence.length() && sequence.hasTarget(origin + h - 1);
                     h++) {
                    double actual = sequence.targets().get(origin + h - 1, 0);
                    squares[h - 1] += Math.pow(forecasts[h - 1][0] - actual, 2);
                    persistence[h - 1] += Math.pow(inputs[origin][0] - actual, 2);
                    // the latest value a whole number of seasons before the forecast step that is known at the
                    // origin: one season back for leads 1–3, two for leads 4 and 5
                    int seasons = h <= SEASON ? 1 : 2;
                    seasonal[h - 1] += Math.pow(inputs[origin + h - SEASON * seasons][0] - actual, 2);
                    counts[h - 1]++;
                }
            }
        }
        for (int h = 0; h < HORIZON; h++) {
            assertEquals(counts[h], leads.get(h).get("forecasts"), "lead " + (h + 1));
            assertEquals(Math.sqrt(squares[h] / counts[h]), leads.get(h).get("rmse"), 1e-12, "lead " + (h + 1));
            assertEquals(Math.sqrt(persistence[h] / counts[h]), leads.get(h).get("persistence-rmse"), 1e-12);
            assertEquals(Math.sqrt(seasonal[h] / counts[h]), leads.get(h).get("seasonal-naive-rmse"), 1e-12);
        }
        for (int h = 0; h < HORIZON; h++) {
            // 12 sines of 10 held-out steps each, all with a next value: lead h + 1 fits from 10 − h origins of each
            assertEquals(12 * (10 - h), counts[h], "lead " + (h + 1));
        }
    }

    @Test
    void aModelOfIndependentSequencesIsRefused() {
        Model xor = Rnn4j.create(ConfigFactory.parseString("rnn4j.trainer.epochs = 1")).train().model();
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> xor.forecast(new double[][] {{1}}, 2));
        assertEquals("the trained model: cannot forecast: temporal-xor holds independent sequences, not a series whose"
                + " targets are its inputs' next values", error.getMessage());
        assertEquals(error.getMessage(), assertThrows(InvalidInputException.class, () -> xor.evaluateHorizon(2)).getMessage());
        Model heldOutByTime = Rnn4j.create(ConfigFactory.parseString("rnn4j { trainer.epochs = 1, data.split = time }"))
                .train().model();
        assertEquals(error.getMessage(), assertThrows(InvalidInputException.class,
                () -> heldOutByTime.forecast(new double[][] {{1}}, 2)).getMessage(), "held out by time, still not a series");
        assertEquals("horizon: expected a number of steps in [1, 100000], got 0", assertThrows(InvalidInputException.class,
                () -> model.forecast(new double[][] {{1}}, 0)).getMessage());
        assertEquals("horizon: expected a number of steps in [1, 100000], got 100001", assertThrows(
                InvalidInputException.class, () -> model.forecast(new double[][] {{1}}, 100_001)).getMessage());
        assertEquals("no history to forecast from: give at least one step", assertThrows(InvalidInputException.class,
                () -> model.forecast(new double[0][], 2)).getMessage());
    }

    @Test
    void theForecastCommandContinuesTheSeriesUnderTheTargetsNames() throws Exception {
        Path file = folder.resolve("sine.rnn4j");
        model.save(file);
        Path history = Files.writeString(folder.resolve("history.csv"), "time,input_1\n1,0.1\n2,0.4\n3,0.6\n4,0.75\n");
        Outcome outcome = Outcome.run("forecast", file.toString(), history.toString(), "--horizon", "3");
        assertEquals(0, outcome.status(), outcome.err());
        List<String> lines = outcome.out().strip().lines().toList();
        assertEquals("step," + String.join(",", model.targetNames()), lines.get(0));
        assertEquals(4, lines.size());
        double[][] expected = model.forecast(new double[][] {{0.1}, {0.4}, {0.6}, {0.75}}, 3);
        for (int h = 0; h < 3; h++) {
            String[] cells = lines.get(h + 1).split(",");
            assertEquals(String.valueOf(5 + h), cells[0]);
            assertEquals(expected[h][0], Double.parseDouble(cells[1]), 1e-5 * Math.abs(expected[h][0]));
        }
        // A model of unnamed inputs reads every column but the time column.
        Path dated = Files.writeString(folder.resolve("dated.csv"), "day,value\nmon,0.1\ntue,0.4\n");
        Outcome predicted = Outcome.run("predict", file.toString(), dated.toString(), "--time-column", "day");
        assertEquals(0, predicted.status(), predicted.err());
        assertEquals(List.of("day," + String.join(",", model.targetNames()), "mon", "tue"),
                predicted.out().strip().lines().map(line -> line.split(",")[0].equals("day") ? line : line.split(",")[0])
                        .toList());
        Outcome refused = Outcome.run("forecast", file.toString(), history.toString(), "--horizon", "0");
        assertEquals(2, refused.status());
        assertEquals("rnn4j: --horizon: expected a number of steps in [1, 100000], got 0", refused.err().strip());
        Path empty = Files.writeString(folder.resolve("empty.csv"), "input_1\n");
        Outcome nothing = Outcome.run("forecast", file.toString(), empty.toString(), "--horizon", "2");
        assertEquals("rnn4j: " + empty + ": no data rows; a forecast warms the model on the series up to now",
                nothing.err().strip());
        Outcome asInput = Outcome.run("predict", file.toString(), history.toString(), "--time-column", "input_1");
        assertEquals("rnn4j: --time-column: 'input_1' is one of the model's inputs; name the column that labels the rows",
                asInput.err().strip());
    }

    @Test
    void evalPrintsTheErrorsPerLeadTime() {
        Path file = folder.resolve("eval.rnn4j");
        model.save(file);
        Outcome outcome = Outcome.run("eval", file.toString(), "--horizon", "3");
        assertEquals(0, outcome.status(), outcome.err());
        List<String> lines = outcome.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("  lead ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).contains("rmse") && lines.get(header).contains("seasonal-naive-rmse"), lines.get(header));
        assertEquals(3, lines.size() - header - 1, outcome.out());
        List<Map<String, Double>> leads = model.evaluateHorizon(3);
        for (int h = 1; h <= 3; h++) {
            String[] cells = lines.get(header + h).strip().split(" +");
            List<String> names = List.of(lines.get(header).strip().split(" +"));
            assertEquals(String.valueOf(h), cells[0]);
            assertEquals(leads.get(h - 1).get("rmse"), Double.parseDouble(cells[names.indexOf("rmse")]), 5e-5);
            assertEquals(leads.get(h - 1).get("seasonal-naive-rmse"),
                    Double.parseDouble(cells[names.indexOf("seasonal-naive-rmse")]), 5e-5);
        }
    }

    @Test
    void aRunWithAHorizonScoresEveryLeadAndWritesLeadsCsv() throws Exception {
        Path runs = folder.resolve("horizon");
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs, "-Drnn4j.data.type=sine",
                "-Drnn4j.data.sequences=12", "-Drnn4j.data.test-steps=10", "-Drnn4j.topology.output-activation=identity",
                "-Drnn4j.trainer.epochs=2", "-Drnn4j.data.horizon=3");
        assertEquals(0, outcome.status(), outcome.err());
        Path run;
        try (var folders = Files.list(runs)) {
            run = folders.findFirst().orElseThrow();
        }
        Model trained = Rnn4j.create(ConfigFactory.empty()).load(run.resolve("model.rnn4j"));
        assertEquals(3, trained.horizon());
        List<Map<String, Double>> leads = trained.evaluateHorizon(3);
        List<String> csv = Files.readAllLines(run.resolve("leads.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertEquals("lead,forecasts,rmse,mae,persistence-rmse,persistence-mae,skill-vs-persistence", csv.get(0));
        for (int h = 0; h < 3; h++) {
            String[] cells = csv.get(h + 1).split(",");
            assertEquals(String.valueOf(h + 1), cells[0]);
            assertEquals(leads.get(h).get("forecasts"), Double.parseDouble(cells[1]));
            assertEquals(leads.get(h).get("rmse"), Double.parseDouble(cells[2]), 5e-5);
        }
        assertTrue(outcome.out().contains("forecasts 1..3 steps ahead"), outcome.out());

        Path refused = folder.resolve("refused");
        Outcome sequences = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + refused, "-Drnn4j.data.horizon=3");
        assertEquals(2, sequences.status());
        assertEquals("rnn4j: rnn4j.data.horizon: scores forecasts fed back as inputs, but temporal-xor holds independent"
                + " sequences, not a series whose targets are its inputs' next values; set horizon = 0", sequences.err().strip());
        try (var left = Files.list(refused)) {
            assertEquals(0, left.count(), "no run folder is left behind");
        }
    }

    /** A matrix's rows as arrays, as a sequence is given to {@code Model.predict} and {@code forecast}. */
    static double[][] rows(DMatrixRMaj matrix) {
        double[][] rows = new double[matrix.numRows][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = Arrays.copyOfRange(matrix.data, t * matrix.numCols, (t + 1) * matrix.numCols);
        }
        return rows;
    }
}
