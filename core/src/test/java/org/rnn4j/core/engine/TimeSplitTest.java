package org.rnn4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.config.RunSettings;

/** Series held out by time: the future is the last steps, and nothing trained on lies after anything scored. */
final class TimeSplitTest {

    /** One series 1, 2, … 20: input x_t = t + 1, target the next value. */
    private static final DataSet SERIES = series(20);

    private static DataSet series(int length) {
        DMatrixRMaj x = new DMatrixRMaj(length, 1);
        DMatrixRMaj y = new DMatrixRMaj(length, 1);
        for (int t = 0; t < length; t++) {
            x.data[t] = t + 1;
            y.data[t] = t + 2;
        }
        return new DataSet("counting", 1, 1, List.of(new Sequence(x, y)), List.of());
    }

    /** The topology and trainer are not core's: a run needs only to name them here. */
    private static final String RUN = "rnn4j { topology.type = t, trainer { type = s, optimizer.type = sgd },"
            + " data.type = airline-passengers }";

    private static RunSettings settings(String data) {
        return RunSettings.from(ConfigFactory.parseString("rnn4j.data { " + data + " }, rnn4j.datasets.airline-passengers"
                + " { test-steps = 0, validation-steps = 0, season = 0 }").withFallback(ConfigFactory.parseString(RUN))
                .withFallback(ConfigLoader.reference(TimeSplitTest.class.getClassLoader())).resolve());
    }

    @Test
    void theLastStepsAreHeldOutTheOnesBeforeThemValidateAndTheRestTrains() {
        DataSplit split = DataSplit.of(SERIES, settings("test-fraction = 0.2, validation-fraction = 0.25"), true);
        Sequence training = split.training().sequences().get(0);
        Sequence validation = split.validation().sequences().get(0);
        Sequence test = split.test().sequences().get(0);
        assertEquals(12, training.length(), "20 − 4 held out − 4 validating");
        assertEquals(16, validation.length(), "warmed up on the training steps");
        assertEquals(20, test.length(), "warmed up on everything before the future");
        for (int t = 0; t < 20; t++) {
            assertEquals(t >= 16, test.hasTarget(t), "scored: the last 4 steps, " + t);
            if (t < 16) {
                assertEquals(t >= 12, validation.hasTarget(t), "validated: the 4 before them, " + t);
            }
            if (t < 12) {
                assertTrue(training.hasTarget(t));
            }
        }
        assertEquals(13.0, training.targets().get(11, 0), "the last target trained on precedes every scored step");
        assertEquals("series: the last 20% of the steps of each held out by time", split.description());
    }

    @Test
    void aCountOfStepsOverridesTheFractionAndTooManyAreRefused() {
        RunSettings counted = RunSettings.from(ConfigFactory.parseString("rnn4j.datasets.airline-passengers.test-steps = 3")
                .withFallback(ConfigFactory.parseString(RUN)).withFallback(ConfigLoader.reference(getClass().getClassLoader()))
                .resolve());
        DataSplit split = DataSplit.of(SERIES, counted, true);
        assertEquals(17, split.training().sequences().get(0).length());
        assertNull(split.validation());
        RunSettings greedy = RunSettings.from(ConfigFactory.parseString("rnn4j.datasets.airline-passengers.test-steps = 20")
                .withFallback(ConfigFactory.parseString(RUN)).withFallback(ConfigLoader.reference(getClass().getClassLoader()))
                .resolve());
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> DataSplit.of(SERIES, greedy, true));
        assertTrue(error.getMessage().contains("leaves nothing to train on"), error.getMessage());
    }

    @Test
    void normalisationIsFittedOnTheTrainingStepsAlone() {
        DataSplit split = DataSplit.of(SERIES, settings("test-fraction = 0.5, normalize = standard"), true);
        assertEquals(5.5, split.encoding().normalization().inputMean()[0], 1e-12, "the mean of 1 … 10, not of 1 … 20");
    }

    @Test
    void theBaselinesAreScoredOnTheHeldOutStepsInTheDataUnits() {
        // A series with a season of 4: 0, 1, 2, 3, 0, 1, 2, 3 …; the model predicts 1.5 everywhere.
        DMatrixRMaj x = new DMatrixRMaj(12, 1);
        DMatrixRMaj y = new DMatrixRMaj(12, 1);
        for (int t = 0; t < 12; t++) {
            x.data[t] = t % 4;
            y.data[t] = (t + 1) % 4;
        }
        Sequence full = new Sequence(x, y);
        Sequence scored = full.head(12, 8);
        Baselines baselines = Baselines.of(List.of(full.head(8, 0)), 4);
        DMatrixRMaj constant = new DMatrixRMaj(12, 1);
        constant.fill(1.5);
        Map<String, Double> metrics = baselines.metrics(List.of(scored), List.of(constant));
        // Targets of steps 8 … 11: 1, 2, 3, 0.
        assertEquals(1.0, metrics.get("mae"), 1e-12);
        assertEquals(0.0, metrics.get("seasonal-naive-rmse"), 1e-12, "a season of 4 repeats exactly");
        assertEquals(Math.sqrt((1 + 1 + 1 + 9) / 4.0), metrics.get("persistence-rmse"), 1e-12, "previous values 0, 1, 2, 3");
        assertEquals(1.5, baselines.trainingMean()[0], 1e-12);
        assertEquals(1 - Math.sqrt(5 / 4.0) / metrics.get("persistence-rmse"), metrics.get("skill-vs-persistence"), 1e-12);
        assertFalse(metrics.containsKey("seasonal-naive-mae") && Double.isNaN(metrics.get("seasonal-naive-mae")));
    }
}
