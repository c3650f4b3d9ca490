package org.rnn4j.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

final class GradientPolicyTest {

    private static Parameters layout(double... values) {
        Parameters p = Parameters.builder().add("w", 1, 2).add("layer.bias", 1, 1, false).build();
        p.unflatten(values);
        return p;
    }

    @Test
    void clipsByValueThenByNorm() {
        Parameters gradient = layout(3.0, -4.0, 0.5);
        new GradientPolicy(2.0, 0, 0).apply(layout(0, 0, 0), gradient);
        assertArrayEquals(new double[] {2.0, -2.0, 0.5}, gradient.toArray());
        Parameters long_ = layout(3.0, -4.0, 0.0);
        new GradientPolicy(0, 1.0, 0).apply(layout(0, 0, 0), long_);
        assertArrayEquals(new double[] {0.6, -0.8, 0.0}, long_.toArray(), 1e-15);
        Parameters short_ = layout(0.3, -0.4, 0.0);
        new GradientPolicy(0, 1.0, 0).apply(layout(0, 0, 0), short_);
        assertArrayEquals(new double[] {0.3, -0.4, 0.0}, short_.toArray(), "under the norm: untouched");
    }

    @Test
    void weightDecayAddsLambdaTimesEachWeightButNotTheBiases() {
        Parameters gradient = layout(1.0, 1.0, 1.0);
        new GradientPolicy(0, 0, 0.1).apply(layout(2.0, -3.0, 5.0), gradient);
        assertArrayEquals(new double[] {1.2, 0.7, 1.0}, gradient.toArray(), 1e-15);
    }

    @Test
    void aPolicyThatDoesNothingLeavesTheOptimizerAloneAndOtherwisePassesTheRateFactorOn() {
        ParameterUpdater optimizer = (p, g) -> { };
        assertSame(optimizer, new GradientPolicy(0, 0, 0).wrap(optimizer));
        double[] factor = new double[1];
        ParameterUpdater recording = new ParameterUpdater() {
            @Override
            public void update(Parameters parameters, Parameters gradient) {
            }

            @Override
            public void setLearningRateFactor(double f) {
                factor[0] = f;
            }
        };
        new GradientPolicy(1, 0, 0).wrap(recording).setLearningRateFactor(0.25);
        assertEquals(0.25, factor[0]);
    }

    @Test
    void schedules() {
        LearningRateSchedule step = new LearningRateSchedule("step", 10, 0.5);
        assertEquals(1.0, step.factor(1));
        assertEquals(1.0, step.factor(10));
        assertEquals(0.5, step.factor(11));
        assertEquals(0.25, step.factor(21));
        LearningRateSchedule exponential = new LearningRateSchedule("exponential", 10, 0.9);
        assertEquals(1.0, exponential.factor(1));
        assertEquals(0.81, exponential.factor(3), 1e-15);
        assertEquals(1.0, new LearningRateSchedule("constant", 10, 0.5).factor(99));
    }
}
