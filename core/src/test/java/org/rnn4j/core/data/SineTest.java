package org.rnn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

final class SineTest {

    @Test
    void targetsAreTheNextValueOfASineOfThePeriodAndAmplitude() {
        DataSet data = new Sine().load(ConfigFactory.parseString(
                "sequences = 3, length = 40, period = 20.0, amplitude = 0.8, noise = 0.0"), new SplittableRandom(1));
        assertEquals(3, data.sequences().size());
        for (Sequence sequence : data.sequences()) {
            double[] x = sequence.inputs().data;
            for (int t = 0; t + 1 < 40; t++) {
                assertEquals(x[t + 1], sequence.targets().data[t]);
            }
            for (int t = 0; t + 20 < 40; t++) {
                assertEquals(x[t], x[t + 20], 1e-12, "period 20");
            }
            for (double v : x) {
                assertTrue(Math.abs(v) <= 0.8 + 1e-12);
            }
        }
    }
}
