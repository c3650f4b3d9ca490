package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingRun;

/**
 * A batch computed in chunks of rows on 1, 2 or 3 threads: the trained parameters are the same to
 * the last bit, because the chunks' gradients are summed in chunk order whatever thread computed them.
 */
final class ThreadsTest {

    /** Batches of 40 sequences in chunks of 16: three chunks, the last of 8 rows; 80 held out, two batches to evaluate. */
    private static final String RUN = "rnn4j { data { type = temporal-xor, sequences = 400, length = 12 },"
            + " trainer { epochs = 3, batch-size = 40, chunk = 16 } }";

    @ParameterizedTest
    @ValueSource(strings = {
        "trainer.type = bptt",
        "trainer { type = bptt, k1 = 4, k2 = 6 }",
        "trainer { type = rtrl, update = step }",
        "trainer { type = rtrl, update = sequence }",
        "trainer { type = snap, update = step }",
        "trainer { type = uoro, update = step }",
        "topology { type = fully-recurrent }, trainer { type = rtrl, teacher-forcing = true }",
        "topology { type = jordan }, trainer.type = bptt",
        // products large enough for sgemm (16 x 64 x 64 a step, 8 rows in the last chunk), in single precision
        "precision = single, topology.hidden = [64], trainer.type = bptt",
    })
    void theParametersAreTheSameOnAnyNumberOfThreads(String setting) {
        TrainingRun one = run(setting + ", trainer.threads = 1");
        double[] parameters = one.model().network().parameters().toArray();
        for (int threads : new int[] {2, 3}) {
            TrainingRun other = run(setting + ", trainer.threads = " + threads);
            assertArrayEquals(parameters, other.model().network().parameters().toArray(), setting + ", " + threads + " threads");
            assertEquals(one.evaluation().lossPerStep(), other.evaluation().lossPerStep(), 0, "held out, " + threads + " threads");
            assertEquals(one.evaluation().metrics(), other.evaluation().metrics());
        }
        assertFalse(Arrays.equals(parameters, untrained(setting)), "it trained");
    }

    /** The chunk size, not the thread count, fixes the sums: another chunk size gives other last bits. */
    @ParameterizedTest
    @ValueSource(strings = {"trainer.type = bptt", "trainer { type = rtrl, update = sequence }"})
    void theChunkSizeIsWhatFixesTheResult(String setting) {
        double[] chunked = train(setting, 2);
        double[] whole = parameters(setting + ", trainer { threads = 2, chunk = 40 }");
        assertFalse(Arrays.equals(chunked, whole), "three chunks and one sum differently");
        double closest = 0;
        for (int i = 0; i < whole.length; i++) {
            closest = Math.max(closest, Math.abs(chunked[i] - whole[i]));
        }
        assertTrue(closest < 1e-9, "but only in the last bits: " + closest);
    }

    private static double[] train(String setting, int threads) {
        return parameters(setting + ", trainer.threads = " + threads);
    }

    private static double[] parameters(String setting) {
        return run(setting).model().network().parameters().toArray();
    }

    private static TrainingRun run(String setting) {
        return Rnn4j.create(ConfigFactory.parseString(RUN + ", rnn4j { " + setting + " }")).train();
    }

    private static double[] untrained(String setting) {
        return Rnn4j.create(ConfigFactory.parseString(RUN + ", rnn4j { " + setting + " }")).network().parameters().toArray();
    }
}
