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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import org.rnn4j.core.Rnn4j;

/**
 * A model of the airline passengers trained on the log of the series differenced at lags 1 and 12:
 * the transform travels with the model and every way of predicting undoes it the same way.
 */
final class TransformedSeriesTest {

    private static final String AIRLINE = "rnn4j { data { type = airline-passengers, normalize = standard,"
            + " transform { log = true, difference = [1, 12] } }, topology { hidden = [4], output-activation = identity },"
            + " trainer { epochs = 3, batch-size = 1 } }";

    /** Steps of history a prediction needs: the lags' sum. */
    private static final int ORDER = 13;

    @TempDir
    static Path folder;

    private static Rnn4j rnn4j;
    private static Model model;
    private static double[][] series;

    @BeforeAll
    static void train() {
        rnn4j = Rnn4j.create(ConfigFactory.parseString(AIRLINE));
        model = rnn4j.train().model();
        series = ForecastTest.rows(rnn4j.data().sequences().get(0).inputs());
    }

    /** The whole-sequence path (transform of the whole series, then restore) and the step-by-step one agree bit for bit. */
    @Test
    void aStreamPredictsWhatTheWholeSeriesGives() {
        double[][] whole = model.predict(series);
        Predictor fixed = model.predictor();
        Predictor learner = model.learner("rtrl");
        for (int t = 0; t < series.length; t++) {
            double[] step = fixed.predict(series[t]);
            assertArrayEquals(whole[t], step, "step " + t);
            assertArrayEquals(step, learner.predict(series[t]), "the learner's path, not learning, step " + t);
            learner.learn(null);
            assertEquals(t < ORDER - 1, Double.isNaN(step[0]), "a prediction needs " + ORDER + " steps of history: step " + t);
        }
        assertTrue(whole[series.length - 1][0] > 300 && whole[series.length - 1][0] < 800,
                "in passengers, not in log differences: " + whole[series.length - 1][0]);
    }

    /** The held-out RMSE is that of the predictions in passengers on the last 24 months. */
    @Test
    void theHeldOutFiguresAreInTheSeriesOwnUnits() {
        Evaluation evaluation = model.evaluate();
        double[][] predicted = model.predict(series);
        Sequence sequence = rnn4j.data().sequences().get(0);
        double squares = 0;
        for (int t = series.length - 24; t < series.length; t++) {
            squares += Math.pow(predicted[t][0] - sequence.targets().get(t, 0), 2);
        }
        assertEquals(Math.sqrt(squares / 24), evaluation.metrics().get("rmse"), 1e-9);
        // What the transform alone forecasts: no change in the log series differenced at 1 and 12.
        double unchanged = 0;
        for (int t = series.length - 24; t < series.length; t++) {
            unchanged += Math.pow(series[t][0] * series[t - 11][0] / series[t - 12][0] - sequence.targets().get(t, 0), 2);
        }
        assertEquals(Math.sqrt(unchanged / 24), evaluation.metrics().get("transform-naive-rmse"), 1e-9);
        assertEquals(1 - evaluation.metrics().get("rmse") / evaluation.metrics().get("transform-naive-rmse"),
                evaluation.metrics().get("skill-vs-transform-naive"), 1e-12);
        assertEquals(evaluation.metrics().get("rmse"), model.evaluateHorizon(2).get(0).get("rmse"), 1e-12, "lead 1");
        double[][] forecasts = model.forecast(Arrays.copyOf(series, 100), 2);
        assertEquals(predicted[99][0], forecasts[0][0], 0);
        Predictor predictor = model.predictor();
        double[] next = null;
        for (int t = 0; t < 100; t++) {
            next = predictor.predict(series[t]);
        }
        assertArrayEquals(next, forecasts[0]);
        assertArrayEquals(predictor.predict(forecasts[0]), forecasts[1], "the forecast fed back, as passengers");
    }

    /** Online learning learns from the transformed targets: none until the differences have their history. */
    @Test
    void onlineLearningStartsWhenTheTargetsHaveTheirHistory() {
        Predictor learner = model.learner("rtrl");
        for (int t = 0; t < 20; t++) {
            learner.predict(series[t]);
            learner.learn(ForecastTest.rows(rnn4j.data().sequences().get(0).targets())[t]);
        }
        assertEquals(20 - (ORDER - 1), learner.updates());
    }

    @Test
    void theTransformIsStoredWithTheModel() {
        Path file = folder.resolve("airline.rnn4j");
        model.save(file);
        Model loaded = rnn4j.load(file);
        double[][] expected = model.predict(series);
        double[][] actual = loaded.predict(series);
        for (int t = 0; t < series.length; t++) {
            assertArrayEquals(expected[t], actual[t], "step " + t);
        }
        assertTrue(Rnn4j.inspect(file).contains("transform: log, differenced at lags 1 and 12 (rnn4j.data.transform,"
                + " undone on every prediction)"), Rnn4j.inspect(file).toString());
    }

    @Test
    void whatTheTransformCannotTakeIsRefused() throws Exception {
        assertEquals("a history of 12 steps; the model differences its series at lags summing to 13"
                + " (rnn4j.data.transform) and needs at least 13", assertThrows(InvalidInputException.class,
                () -> model.forecast(Arrays.copyOf(series, 12), 3)).getMessage());
        double[][] negative = Arrays.copyOf(series, 5);
        negative[3] = new double[] {-1};
        assertEquals("step 4, input 'passengers' is -1.0, but the series is log-transformed (rnn4j.data.transform.log ="
                + " true): its values must be positive", assertThrows(InvalidInputException.class,
                () -> model.predict(negative)).getMessage());

        Path file = folder.resolve("refusals.rnn4j");
        model.save(file);
        Path csv = Files.writeString(folder.resolve("zero.csv"), "month,passengers\n1960-01,417\n1960-02,0\n");
        Outcome predicted = Outcome.run("predict", file.toString(), csv.toString());
        assertEquals(2, predicted.status());
        assertEquals("rnn4j: " + csv + ", row 2: step 2, input 'passengers' is 0.0, but the series is log-transformed"
                + " (rnn4j.data.transform.log = true): its values must be positive", predicted.err().strip());
        Outcome forecast = Outcome.run("forecast", file.toString(), csv.toString(), "--horizon", "2");
        assertEquals("rnn4j: " + csv + ": a history of 2 steps; the model differences its series at lags summing to 13"
                + " (rnn4j.data.transform) and needs at least 13", forecast.err().strip());

        Path runs = folder.resolve("refused");
        Outcome sequences = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.data.transform.difference=[1]");
        assertEquals(2, sequences.status());
        assertEquals("rnn4j: rnn4j.data.transform: transforms a series whose targets are its inputs' next values, but"
                + " temporal-xor holds independent sequences, not a series whose targets are its inputs' next values;"
                + " remove the transform", sequences.err().strip());
        Outcome badLag = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.data.type=airline-passengers", "-Drnn4j.data.transform.difference=[0]");
        assertEquals("rnn4j: command line: rnn4j.data.transform.difference: expected lags of 1 to 100000 steps, got 0",
                badLag.err().strip());
        Outcome notAList = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.data.type=airline-passengers", "-Drnn4j.data.transform.difference=12");
        assertEquals("rnn4j: command line: rnn4j.data.transform.difference: expected a list, got 12", notAList.err().strip());
        Outcome tooLong = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.data.type=airline-passengers", "-Drnn4j.data.transform.difference=[120]");
        assertTrue(tooLong.err().contains("leaves 119 steps to train on, and differencing at lags summing to 120 needs 121"), tooLong.err());
        if (Files.exists(runs)) {
            try (var left = Files.list(runs)) {
                assertEquals(0, left.count(), "no run folder is left behind");
            }
        }
    }
}
