package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.core.TrainingRun;

/**
 * Each topology of the seed learns what its structure allows, from the default seed, on the
 * held-out sequences: the figures the documentation quotes.
 */
final class LearningTest {

    private static TrainingRun train(String settings) {
        return Rnn4j.create(ConfigFactory.parseString(settings)).train();
    }

    private static double xorError(String topology) {
        Evaluation evaluation = train("rnn4j.topology { " + topology + " }").evaluation();
        return evaluation.metrics().get("xor-mse");
    }

    @Test
    void onTemporalXorTheRecurrentNetworksBeatFeedforwardAtTheXorPositions() {
        double feedforward = xorError("type = feedforward");
        assertTrue(feedforward > 0.24, "a feed-forward net cannot predict the XOR bit: " + feedforward);
        assertTrue(xorError("type = elman") < 0.01);
        assertTrue(xorError("type = partially-recurrent, recurrence = full") < 0.01);
        assertTrue(xorError("type = partially-recurrent, recurrence = self") < 0.15);
    }

    @Test
    void elmanAndAFullyRecurrentHiddenLayerAreTheSameNetwork() {
        // Elman's context cells hold h_{t-1}; a fully connected recurrent hidden layer reads h_{t-1}
        // directly: the same function, parameters in the same order, initialised alike.
        double[] elman = train("rnn4j { topology.type = elman, trainer.epochs = 5 }").model().parameters();
        double[] partially = train("rnn4j { topology { type = partially-recurrent, recurrence = full }, trainer.epochs = 5 }")
                .model().parameters();
        assertArrayEquals(elman, partially);
    }

    @Test
    void aFullyRecurrentNetworkLearnsXorGivenOneStepToAnswer() {
        String data = "rnn4j.data { type = delayed-xor, delay = 1 }, rnn4j.topology.type = ";
        assertEquals(1.0, train(data + "fully-recurrent").evaluation().metrics().get("accuracy"));
        double feedforward = train(data + "feedforward").evaluation().metrics().get("accuracy");
        assertTrue(feedforward < 0.55, "chance: " + feedforward);
    }

    @Test
    void jordanPredictsASineFromItsOwnOutputTrace() {
        String sine = "rnn4j { data.type = sine, topology.output-activation = identity, topology.type = ";
        double jordan = train(sine + "jordan }").evaluation().lossPerStep();
        double feedforward = train(sine + "feedforward }").evaluation().lossPerStep();
        assertTrue(jordan < 0.005, "jordan " + jordan);
        assertTrue(feedforward > 5 * jordan, "feed-forward " + feedforward + " cannot tell rising from falling");
    }

    @Test
    void elmanLearnsTemporalXorWithOnlineRtrlAndWithTruncatedBptt() {
        // The default run but for the trainer: rtrl updates after every step (true online learning).
        Evaluation online = train("rnn4j.trainer.type = rtrl").evaluation();
        assertTrue(online.lossPerStep() <= 0.175, "rtrl: " + online.lossPerStep());
        assertTrue(online.metrics().get("xor-mse") < 0.02, "rtrl: " + online.metrics());
        Evaluation truncated = train("rnn4j.trainer { k1 = 5, k2 = 10 }").evaluation();
        assertTrue(truncated.lossPerStep() <= 0.175, "bptt(5, 10): " + truncated.lossPerStep());
    }

    @Test
    void elmanPredictsTheReberGrammarLegallyOnHeldOutStrings() {
        Evaluation reber = train("rnn4j { data.type = reber, trainer.loss = cross-entropy,"
                + " topology.output-activation = identity }").evaluation();
        assertEquals(100, reber.sequences());
        assertEquals(1.0, reber.metrics().get("legal-strings"), "every prediction of every held-out string is legal");
    }

    @Test
    void elmanPredictsTheNextValueOfASine() {
        double loss = train("rnn4j { data.type = sine, topology.output-activation = identity }").evaluation().lossPerStep();
        assertTrue(loss < 0.005, "sine next-step mse " + loss + " (amplitude 0.8: variance 0.32)");
    }
}
