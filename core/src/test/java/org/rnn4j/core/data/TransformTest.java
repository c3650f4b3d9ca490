package org.rnn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/** Log and differences: what the network sees of a series, and its predictions turned back. */
final class TransformTest {

    private static final int LENGTH = 40;

    /** A positive series with a trend and a season of 12, as a forecast data set: the target of step t is x_{t+1}. */
    private static DataSet series() {
        double[] x = new double[LENGTH + 1];
        for (int t = 0; t <= LENGTH; t++) {
            x[t] = 100 + 3 * t + 20 * Math.sin(2 * Math.PI * t / 12) + (t * 7919 % 13);
        }
        DMatrixRMaj inputs = new DMatrixRMaj(LENGTH, 1);
        DMatrixRMaj targets = new DMatrixRMaj(LENGTH, 1);
        for (int t = 0; t < LENGTH; t++) {
            inputs.set(t, 0, x[t]);
            targets.set(t, 0, x[t + 1]);
        }
        return new DataSet("series", 1, 1, List.of(new Sequence(inputs, targets)), List.of(), List.of("y"),
                List.of("next-y"));
    }

    @Test
    void theAirlineModelsDifferencesAreComputedAsWritten() {
        DataSet raw = series();
        Sequence transformed = new Transform(true, List.of(1, 12)).apply(raw).sequences().get(0);
        double[] z = new double[LENGTH + 1];
        for (int t = 0; t < LENGTH; t++) {
            z[t] = Math.log(raw.sequences().get(0).inputs().get(t, 0));
        }
        z[LENGTH] = Math.log(raw.sequences().get(0).targets().get(LENGTH - 1, 0));
        for (int t = 0; t < LENGTH; t++) {
            double input = t < 13 ? 0 : z[t] - z[t - 1] - z[t - 12] + z[t - 13];
            assertEquals(input, transformed.inputs().get(t, 0), 1e-12, "input of step " + t);
            assertEquals(t >= 12, transformed.hasTarget(t), "a target needs 13 steps of history: step " + t);
            if (t >= 12) {
                double target = z[t + 1] - z[t] - z[t - 11] + z[t - 12];
                assertEquals(target, transformed.targets().get(t, 0), 1e-12, "target of step " + t);
            }
        }
    }

    /** Perfect predictions in transformed units come back as the targets, in the data's units. */
    @Test
    void restoringTheTransformedTargetsGivesTheTargetsBack() {
        DataSet raw = series();
        for (Transform transform : List.of(new Transform(true, List.of()), new Transform(false, List.of(1)),
                new Transform(false, List.of(12)), new Transform(true, List.of(1, 12)), new Transform(true, List.of(2, 3, 5)))) {
            Sequence transformed = transform.apply(raw).sequences().get(0);
            DMatrixRMaj predictions = transformed.targets().copy();
            transform.restore(raw.sequences().get(0), predictions);
            int order = transform.order();
            for (int t = 0; t < LENGTH; t++) {
                if (t < order - 1) {
                    assertTrue(Double.isNaN(predictions.get(t, 0)), transform.describe() + ": no prediction at step " + t);
                } else {
                    assertEquals(raw.sequences().get(0).targets().get(t, 0), predictions.get(t, 0), 1e-9,
                            transform.describe() + ", step " + t);
                }
            }
            DataSet scorable = transform.scorable(raw);
            for (int t = 0; t < LENGTH; t++) {
                assertEquals(t >= order - 1, scorable.sequences().get(0).hasTarget(t), "scored step " + t);
            }
        }
    }

    /** A stream, step by step, sees what the whole sequence gives — the same numbers, bit for bit. */
    @Test
    void aStreamGivesWhatTheWholeSequenceGives() {
        DataSet raw = series();
        Transform transform = new Transform(true, List.of(1, 12));
        Sequence whole = transform.apply(raw).sequences().get(0);
        Transform.Stream stream = transform.stream(List.of("y"), "");
        for (int round = 0; round < 2; round++) {
            stream.reset();
            for (int t = 0; t < LENGTH; t++) {
                double[] input = {raw.sequences().get(0).inputs().get(t, 0)};
                stream.input(input);
                assertEquals(whole.inputs().get(t, 0), input[0], 0, "input of step " + t);
                double[] target = {raw.sequences().get(0).targets().get(t, 0)};
                assertEquals(whole.hasTarget(t), stream.target(target));
                assertEquals(whole.hasTarget(t) ? whole.targets().get(t, 0) : 0, target[0], 0, "target of step " + t);
            }
        }
    }

    @Test
    void theIdentityChangesNothing() {
        DataSet raw = series();
        assertTrue(Transform.NONE.isIdentity());
        assertSame(raw, Transform.NONE.apply(raw));
        assertSame(raw, Transform.NONE.scorable(raw));
        assertEquals("none", Transform.NONE.describe());
        assertEquals("log, differenced at lags 1 and 12", new Transform(true, List.of(1, 12)).describe());
        assertFalse(new Transform(false, List.of(12)).isIdentity());
    }

    @Test
    void aLogOfAValueThatIsNotPositiveIsRefusedNamingWhere() {
        DataSet raw = series();
        raw.sequences().get(0).inputs().set(4, 0, 0);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> new Transform(true, List.of()).apply(raw));
        assertEquals("step 5, input 'y' is 0.0, but the series is log-transformed (rnn4j.data.transform.log = true): its"
                + " values must be positive", error.getMessage());
        raw.sequences().get(0).inputs().set(4, 0, 1);
        raw.sequences().get(0).targets().set(6, 0, -2);
        assertEquals("step 7, target 'y' is -2.0, but the series is log-transformed (rnn4j.data.transform.log = true): its"
                + " values must be positive", assertThrows(InvalidInputException.class,
                () -> new Transform(true, List.of()).apply(raw)).getMessage());
    }

    @Test
    void scalingIsFittedOnTheDifferencedStepsAlone() {
        DataSet raw = series();
        Transform transform = new Transform(false, List.of(1));
        Encoding encoding = Encoding.fit(raw, transform, true);
        double sum = 0;
        for (int t = 1; t < LENGTH; t++) {
            sum += raw.sequences().get(0).inputs().get(t, 0) - raw.sequences().get(0).inputs().get(t - 1, 0);
        }
        assertEquals(sum / (LENGTH - 1), encoding.normalization().inputMean()[0], 1e-12, "step 0 has no difference");
    }
}
