package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Loss;

/** The contract of a {@link Loss}: its gradient, and a prediction consistent with it. */
public abstract class LossContractTest {

    /** The loss under test. */
    protected abstract Loss loss();

    /** A network output the loss accepts, batch × width (probabilities for a loss on them, say). */
    protected DMatrixRMaj output(int batch, int width, SplittableRandom random) {
        return matrix(batch, width, random, -1, 1);
    }

    /** A target the loss accepts. */
    protected DMatrixRMaj target(int batch, int width, SplittableRandom random) {
        return matrix(batch, width, random, -1, 1);
    }

    @Test
    void gradientMatchesFiniteDifferencesAndOnlyItsRowIsWritten() {
        Loss loss = loss();
        SplittableRandom random = new SplittableRandom(41);
        DMatrixRMaj output = output(3, 4, random);
        DMatrixRMaj target = target(3, 4, random);
        for (int row = 0; row < 3; row++) {
            DMatrixRMaj gradient = new DMatrixRMaj(3, 4);
            gradient.fill(-7);
            loss.evaluate(output, target, row, 0.5, gradient);
            for (int k = 0; k < 4; k++) {
                int i = row * 4 + k;
                double saved = output.data[i];
                double step = 1e-6;
                output.data[i] = saved + step;
                double plus = loss.evaluate(output, target, row, 1, null);
                output.data[i] = saved - step;
                double minus = loss.evaluate(output, target, row, 1, null);
                output.data[i] = saved;
                double numeric = 0.5 * (plus - minus) / (2 * step);
                assertEquals(numeric, gradient.data[i], 1e-6 * Math.max(1, Math.abs(numeric)), "row " + row + ", output " + k);
            }
            for (int other = 0; other < 3; other++) {
                if (other != row) {
                    assertEquals(-7, gradient.get(other, 0), "row " + other + " left as it was");
                }
            }
        }
    }

    /** The prediction is what the loss is smallest at: against it as the target, the gradient vanishes. */
    @Test
    void thePredictionIsWhereTheLossIsSmallest() {
        Loss loss = loss();
        SplittableRandom random = new SplittableRandom(42);
        DMatrixRMaj output = output(2, 3, random);
        DMatrixRMaj prediction = new DMatrixRMaj(2, 3);
        DMatrixRMaj gradient = new DMatrixRMaj(2, 3);
        for (int row = 0; row < 2; row++) {
            loss.predict(output, row, prediction);
            loss.evaluate(output, prediction, row, 1, gradient);
            for (int k = 0; k < 3; k++) {
                assertEquals(0, gradient.get(row, k), 1e-9, "row " + row + ", output " + k);
            }
        }
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(loss().name()).matches(), "name '" + loss().name() + "'");
    }

    static DMatrixRMaj matrix(int rows, int cols, SplittableRandom random, double from, double to) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble(from, to);
        }
        return m;
    }
}
