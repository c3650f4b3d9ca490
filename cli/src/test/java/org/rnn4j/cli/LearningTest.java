package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.engine.Evaluation;
import org.rnn4j.core.engine.TrainingResult;

/**
 * Each topology of the seed learns what its structure allows, from the default seed, on the
 * held-out sequences: the figures the documentation quotes.
 */
final class LearningTest {

    private static TrainingResult train(String settings) {
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
        double[] elman = train("rnn4j { topology.type = elman, trainer.epochs = 5 }").network().parameters().toArray();
        double[] partially = train("rnn4j { topology { type = partially-recurrent, recurrence = full }, trainer.epochs = 5 }")
                .network().parameters().toArray();
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
}
