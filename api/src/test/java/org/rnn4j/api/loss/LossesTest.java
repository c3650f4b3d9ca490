package org.rnn4j.api.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Loss;

final class LossesTest {

    private static final List<Loss> LOSSES = List.of(new MeanSquaredError(), new CrossEntropy(), new BinaryCrossEntropy());

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        for (Loss loss : LOSSES) {
            DMatrixRMaj output = new DMatrixRMaj(2, 4);
            DMatrixRMaj target = new DMatrixRMaj(2, 4);
            for (int i = 0; i < 8; i++) {
                output.data[i] = random.nextDouble(0.05, 0.95);
                target.data[i] = random.nextDouble(0, 1);
            }
            DMatrixRMaj gradient = new DMatrixRMaj(2, 4);
            double scale = 0.25;
            loss.evaluate(output, target, 1, scale, gradient);
            for (int k = 0; k < 4; k++) {
                int i = 4 + k;
                double saved = output.data[i];
                output.data[i] = saved + 1e-6;
                double plus = loss.evaluate(output, target, 1, 0, null);
                output.data[i] = saved - 1e-6;
                double minus = loss.evaluate(output, target, 1, 0, null);
                output.data[i] = saved;
                double numeric = scale * (plus - minus) / 2e-6;
                assertEquals(numeric, gradient.data[i], 1e-8 * Math.max(1, Math.abs(numeric)), loss.name() + " output " + k);
                assertEquals(0.0, gradient.data[k], "row 0 was not asked for");
            }
        }
    }

    @Test
    void knownValues() {
        DMatrixRMaj y = new DMatrixRMaj(1, 2, true, 0.5, 1.0);
        DMatrixRMaj t = new DMatrixRMaj(1, 2, true, 1.0, 1.0);
        assertEquals(0.125, new MeanSquaredError().evaluate(y, t, 0, 1, null), 1e-15);
        DMatrixRMaj logits = new DMatrixRMaj(1, 2, true, 0.0, 0.0);
        DMatrixRMaj oneHot = new DMatrixRMaj(1, 2, true, 1.0, 0.0);
        assertEquals(Math.log(2), new CrossEntropy().evaluate(logits, oneHot, 0, 1, null), 1e-15);
        DMatrixRMaj probability = new DMatrixRMaj(1, 1, true, 0.25);
        DMatrixRMaj bit = new DMatrixRMaj(1, 1, true, 1.0);
        assertEquals(-Math.log(0.25), new BinaryCrossEntropy().evaluate(probability, bit, 0, 1, null), 1e-15);
    }

    /** One output has a path of its own: it gives exactly the general formula's numbers, (0 + e²) / 1 and 2·scale·e / 1. */
    @Test
    void meanSquaredErrorOfOneOutputIsExactlyTheGeneralFormula() {
        SplittableRandom random = new SplittableRandom(4);
        Loss mse = new MeanSquaredError();
        for (int i = 0; i < 1000; i++) {
            DMatrixRMaj y = new DMatrixRMaj(3, 1, true, random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2));
            DMatrixRMaj t = new DMatrixRMaj(3, 1, true, random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2));
            DMatrixRMaj gradient = new DMatrixRMaj(3, 1);
            double scale = random.nextDouble(0, 1);
            int cols = 1;
            double e = y.data[2] - t.data[2];
            double sum = 0;
            sum += e * e;
            assertEquals(Double.doubleToRawLongBits(sum / cols), Double.doubleToRawLongBits(mse.evaluate(y, t, 2, scale, gradient)));
            assertEquals(Double.doubleToRawLongBits(scale * 2 * e / cols), Double.doubleToRawLongBits(gradient.data[2]));
            assertEquals(0.0, gradient.data[0] + gradient.data[1], "only the row asked for");
        }
    }

    @Test
    void crossEntropyPredictsASoftmaxThatIsStableForLargeLogits() {
        DMatrixRMaj logits = new DMatrixRMaj(1, 3, true, 1000.0, 1001.0, 999.0);
        DMatrixRMaj prediction = new DMatrixRMaj(1, 3);
        new CrossEntropy().predict(logits, 0, prediction);
        assertEquals(1.0, prediction.data[0] + prediction.data[1] + prediction.data[2], 1e-15);
        assertTrue(prediction.data[1] > prediction.data[0] && prediction.data[0] > prediction.data[2]);
        DMatrixRMaj target = new DMatrixRMaj(1, 3, true, 0.0, 1.0, 0.0);
        assertTrue(Double.isFinite(new CrossEntropy().evaluate(logits, target, 0, 1, null)));
    }

    @Test
    void binaryCrossEntropyStaysFiniteOnSaturatedOutputs() {
        DMatrixRMaj y = new DMatrixRMaj(1, 1, true, 0.0);
        DMatrixRMaj t = new DMatrixRMaj(1, 1, true, 1.0);
        DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
        assertTrue(Double.isFinite(new BinaryCrossEntropy().evaluate(y, t, 0, 1, gradient)));
        assertTrue(Double.isFinite(gradient.data[0]) && gradient.data[0] < 0);
    }
}
