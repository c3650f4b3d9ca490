package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.rnn4j.core.Rnn4j;

/** Two rnn4j instances in one JVM share nothing: trained together they give what each gives alone. */
final class Rnn4jInstancesTest {

    private static final Config A = ConfigFactory.parseString(
            "rnn4j { seed = 3, trainer.epochs = 20, topology.hidden = [5] }");
    private static final Config B = ConfigFactory.parseString(
            "rnn4j { seed = 4, trainer { epochs = 25, optimizer { type = sgd, learning-rate = 0.05 } }, topology.hidden = [3, 3] }");

    private static double[] train(Config config) {
        return Rnn4j.create(config).train().model().parameters();
    }

    @Test
    void twoInstancesTrainIndependentlyAndReproducibly() {
        double[] aloneA = train(A);
        double[] aloneB = train(B);
        CompletableFuture<double[]> togetherA = CompletableFuture.supplyAsync(() -> train(A));
        CompletableFuture<double[]> togetherB = CompletableFuture.supplyAsync(() -> train(B));
        assertArrayEquals(aloneA, togetherA.join(), "instance A was disturbed by B");
        assertArrayEquals(aloneB, togetherB.join(), "instance B was disturbed by A");
        assertFalse(Arrays.equals(aloneA, train(A.withValue("rnn4j.seed", ConfigFactory.parseString("s = 5").getValue("s")))),
                "another seed trains another network");
    }
}
