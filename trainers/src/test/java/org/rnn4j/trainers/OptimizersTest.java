package org.rnn4j.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        ParameterUpdater sgd = new SgdOptimizer().create(Fixtures.settings("rnn4j.optimizers.sgd",
                "learning-rate = 0.1, momentum = 0.5"), theta);
        Parameters gradient = parameters(2.0, 4.0);
        sgd.update(theta, gradient);
        assertEquals(1.0 - 0.2, theta.toArray()[0], 1e-15);
        sgd.update(theta, gradient);
        // v2 = 0.5 * (-0.2) - 0.2 = -0.3
        assertEquals(0.8 - 0.3, theta.toArray()[0], 1e-15);
        assertEquals(-2.0 - 0.4 - 0.6, theta.toArray()[1], 1e-15);
    }

    @Test
    void nesterovLooksAheadByTheMomentum() {
        Parameters theta = parameters(1.0);
        ParameterUpdater sgd = new SgdOptimizer().create(Fixtures.settings("rnn4j.optimizers.sgd",
                "learning-rate = 0.1, momentum = 0.5, nesterov = true"), theta);
        sgd.update(theta, parameters(2.0));
        // v = -0.2; θ += 0.5 * v - 0.1 * 2 = -0.3
        assertEquals(0.7, theta.toArray()[0], 1e-15);
        sgd.setLearningRateFactor(0.5);
        sgd.update(theta, parameters(2.0));
        // v = 0.5 * -0.2 - 0.05 * 2 = -0.2; θ += 0.5 * -0.2 - 0.1 = -0.2
        assertEquals(0.5, theta.toArray()[0], 1e-15);
    }

    @Test
    void adamsFirstStepMovesEachParameterByTheLearningRate() {
        Parameters theta = parameters(1.0, -2.0, 0.5);
        ParameterUpdater adam = new AdamOptimizer().create(Fixtures.settings("rnn4j.optimizers.adam", "learning-rate = 0.01"), theta);
        adam.update(theta, parameters(3.0, -0.001, 0.0));
        double[] after = theta.toArray();
        assertEquals(1.0 - 0.01, after[0], 1e-9, "bias correction makes the first step ±rate");
        assertEquals(-2.0 + 0.01, after[1], 1e-6);
        assertEquals(0.5, after[2], 0.0, "no gradient, no move");
    }

    @Test
    void rmspropDividesByTheRootMeanSquare() {
        Parameters theta = parameters(1.0);
        ParameterUpdater rmsprop = new RmspropOptimizer().create(Fixtures.settings("rnn4j.optimizers.rmsprop",
                "learning-rate = 0.01, rho = 0.9, epsilon = 1e-8"), theta);
        rmsprop.update(theta, parameters(2.0));
        // s = 0.1 * 4 = 0.4; step = 0.01 * 2 / sqrt(0.4)
        assertEquals(1.0 - 0.02 / (Math.sqrt(0.4) + 1e-8), theta.toArray()[0], 1e-15);
    }

    @Test
    void rpropGrowsItsStepWhileTheSignHoldsAndBacksOffWhenItFlips() {
        Parameters theta = parameters(0.0);
        ParameterUpdater rprop = new RpropOptimizer().create(Fixtures.settings("rnn4j.optimizers.rprop", ""), theta);
        rprop.update(theta, parameters(5.0));
        assertEquals(-0.1, theta.toArray()[0], 1e-15, "first step: the initial step against the sign");
        rprop.update(theta, parameters(0.001));
        assertEquals(-0.1 - 0.12, theta.toArray()[0], 1e-15, "same sign: step × 1.2, whatever the size");
        rprop.update(theta, parameters(-3.0));
        assertEquals(-0.22, theta.toArray()[0], 1e-15, "sign flip: no move, step × 0.5");
        rprop.update(theta, parameters(-3.0));
        assertEquals(-0.22 + 0.06, theta.toArray()[0], 1e-15, "then the halved step");
        assertTrue(new RpropOptimizer().fullBatch());
    }

    @Test
    void settingsOutOfRangeAreUserErrorsNamingTheKey() {
        Parameters theta = parameters(1.0);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new AdamOptimizer().create(
                Fixtures.settings("rnn4j.optimizers.adam", "beta1 = 1.5"), theta));
        assertTrue(error.getMessage().startsWith("rnn4j.trainer.optimizer.beta1: expected a number in [0,"), error.getMessage());
        InvalidInputException negative = assertThrows(InvalidInputException.class, () -> new SgdOptimizer().create(
                Fixtures.settings("rnn4j.optimizers.sgd", "learning-rate = -1"), theta));
        assertTrue(negative.getMessage().contains("learning-rate: expected a number > 0"), negative.getMessage());
    }
}
