package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

final class OptimizersTest {

    private static Parameters parameters(double... values) {
        Parameters p = Parameters.builder().add("w", 1, values.length).build();
        p.unflatten(values);
        return p;
    }

    @Test
    void sgdWithMomentumFollowsItsRecurrence() {
        Parameters theta = parameters(1.0, -2.0);
        ParameterUpdater sgd = new SgdOptimizer().create(ConfigFactory.parseString("learning-rate = 0.1, momentum = 0.5"), theta);
        Parameters gradient = parameters(2.0, 4.0);
        sgd.update(theta, gradient);
        assertEquals(1.0 - 0.2, theta.toArray()[0], 1e-15);
        sgd.update(theta, gradient);
        // v2 = 0.5 * (-0.2) - 0.2 = -0.3
        assertEquals(0.8 - 0.3, theta.toArray()[0], 1e-15);
        assertEquals(-2.0 - 0.4 - 0.6, theta.toArray()[1], 1e-15);
    }

    @Test
    void adamsFirstStepMovesEachParameterByTheLearningRate() {
        Parameters theta = parameters(1.0, -2.0, 0.5);
        ParameterUpdater adam = new AdamOptimizer().create(ConfigFactory.parseString(
                "learning-rate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8"), theta);
        adam.update(theta, parameters(3.0, -0.001, 0.0));
        double[] after = theta.toArray();
        assertEquals(1.0 - 0.01, after[0], 1e-9, "bias correction makes the first step ±rate");
        assertEquals(-2.0 + 0.01, after[1], 1e-6);
        assertEquals(0.5, after[2], 0.0, "no gradient, no move");
    }

    @Test
    void settingsOutOfRangeAreUserErrorsNamingTheKey() {
        Parameters theta = parameters(1.0);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new AdamOptimizer().create(
                ConfigFactory.parseString("learning-rate = 0.01, beta1 = 1.5, beta2 = 0.999, epsilon = 1e-8"), theta));
        assertTrue(error.getMessage().startsWith("rnn4j.trainer.optimizer.beta1: expected a number in [0,"), error.getMessage());
        InvalidInputException negative = assertThrows(InvalidInputException.class, () -> new SgdOptimizer().create(
                ConfigFactory.parseString("learning-rate = -1, momentum = 0.9"), theta));
        assertTrue(negative.getMessage().contains("learning-rate: expected a number > 0"), negative.getMessage());
    }
}
