package org.rnn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

final class TemporalXorTest {

    private static final Config SETTINGS = ConfigFactory.parseString("sequences = 20, length = 31");

    @Test
    void targetsAreTheNextBitAndEveryThirdBitIsTheXorOfTheTwoBefore() {
        DataSet data = new TemporalXor().load(SETTINGS, new SplittableRandom(1));
        assertEquals(20, data.sequences().size());
        for (Sequence sequence : data.sequences()) {
            assertEquals(31, sequence.length());
            double[] x = sequence.inputs().data;
            double[] y = sequence.targets().data;
            for (int t = 0; t + 1 < 31; t++) {
                assertEquals(x[t + 1], y[t], "target is the next input");
            }
            for (int t = 0; t < 31; t++) {
                if (TemporalXor.isXorTarget(t)) {
                    assertEquals(((int) x[t - 1]) ^ ((int) x[t]), (int) y[t], "step " + t);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBits() {
        DataSet a = new TemporalXor().load(SETTINGS, new SplittableRandom(5));
        DataSet b = new TemporalXor().load(SETTINGS, new SplittableRandom(5));
        DataSet c = new TemporalXor().load(SETTINGS, new SplittableRandom(6));
        assertArrayEquals(a.sequences().get(3).inputs().data, b.sequences().get(3).inputs().data);
        assertEquals(false, java.util.Arrays.equals(a.sequences().get(3).inputs().data, c.sequences().get(3).inputs().data));
    }

    @Test
    void metricsSeparateTheXorPositionsFromTheRandomOnes() {
        DataSet data = new TemporalXor().load(SETTINGS, new SplittableRandom(2));
        List<DMatrixRMaj> perfectAtXor = new ArrayList<>();
        for (Sequence sequence : data.sequences()) {
            DMatrixRMaj prediction = new DMatrixRMaj(sequence.length(), 1);
            for (int t = 0; t < sequence.length(); t++) {
                prediction.data[t] = TemporalXor.isXorTarget(t) ? sequence.targets().data[t] : 0.5;
            }
            perfectAtXor.add(prediction);
        }
        assertEquals(0.0, data.metrics().get(0).evaluate(data.sequences(), perfectAtXor));
        assertEquals("xor-mse", data.metrics().get(0).name());
        assertEquals(0.25, data.metrics().get(1).evaluate(data.sequences(), perfectAtXor), 1e-15);
    }

    @Test
    void refusesNonPositiveSizes() {
        assertThrows(InvalidInputException.class,
                () -> new TemporalXor().load(ConfigFactory.parseString("sequences = 0, length = 3"), new SplittableRandom(1)));
    }
}
