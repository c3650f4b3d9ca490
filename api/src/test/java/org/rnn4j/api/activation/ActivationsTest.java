package org.rnn4j.api.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Activation;

final class ActivationsTest {

    private static List<Activation> builtIns() {
        return ServiceLoader.load(Activation.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.getClass().getPackage().equals(Sigmoid.class.getPackage())).toList();
    }

    @Test
    void everyBuiltInIsRegistered() {
        assertEquals(List.of("sigmoid", "tanh", "identity", "relu", "softsign", "leaky-relu", "hard-sigmoid", "softplus"),
                builtIns().stream().map(Activation::name).toList());
    }

    @Test
    void derivativesMatchCentralDifferencesAwayFromKinks() {
        double[] points = {-7.3, -2.2, -0.7, -0.1, 0.13, 0.9, 1.7, 3.1, 8.4};
        for (Activation activation : builtIns()) {
            for (double x : points) {
                double numeric = (activation.value(x + 1e-6) - activation.value(x - 1e-6)) / 2e-6;
                double analytic = activation.derivative(x, activation.value(x));
                assertEquals(numeric, analytic, 1e-8, activation.name() + " at " + x);
            }
        }
    }

    @Test
    void bulkMethodsAgreeWithTheScalarOnesInTheirRangeAndLeaveTheRestAlone() {
        double[] x = {-3, -0.5, 0, 0.25, 2};
        for (Activation activation : builtIns()) {
            double[] fx = {7, 7, 7, 7, 7};
            double[] d = {7, 7, 7, 7, 7};
            activation.values(x, fx, 1, 4);
            activation.derivatives(x, fx, d, 1, 4);
            for (int i = 0; i < x.length; i++) {
                if (i == 0 || i == 4) {
                    assertEquals(7, fx[i], 0.0, activation.name() + " wrote outside its range");
                    assertEquals(7, d[i], 0.0, activation.name() + " wrote outside its range");
                } else {
                    assertEquals(activation.value(x[i]), fx[i], 0.0, activation.name());
                    assertEquals(activation.derivative(x[i], fx[i]), d[i], 0.0, activation.name());
                }
            }
        }
    }

    @Test
    void tanhIsWithinFourUlpOfStrictMath() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-1, 1) : random.nextDouble(-25, 25);
            double expected = StrictMath.tanh(x);
            assertTrue(Math.abs(Tanh.tanh(x) - expected) <= 4 * Math.ulp(expected), "tanh(" + x + ")");
        }
        for (double x : new double[] {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, 0.25, -0.25, 20, 1e300,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals(StrictMath.tanh(x), Tanh.tanh(x), 0.0, "tanh(" + x + ")");
        }
        assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Tanh.tanh(-0.0)));
    }

    /** Single precision's tanh: within 4 units in float's last place, its derivative from its value, NaN kept. */
    @Test
    void singlePrecisionTanhIsWithinFourFloatUlp() {
        Activation single = new Tanh().single();
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-1, 1) : random.nextDouble(-25, 25);
            double expected = StrictMath.tanh(x);
            assertTrue(Math.abs(single.value(x) - expected) <= 4 * Math.ulp((float) expected), "tanh(" + x + ")");
        }
        for (double x : new double[] {0.0, 1e-30, -1e-300, 7.9, 9.01, 1e300, Double.NEGATIVE_INFINITY}) {
            double expected = StrictMath.tanh(x);
            assertTrue(Math.abs(single.value(x) - expected) <= 4 * Math.ulp((float) expected), "tanh(" + x + ")");
        }
        assertTrue(Double.isNaN(single.value(Double.NaN)));
        for (double x : new double[] {-7.3, -2.2, -0.7, -0.1, 0.13, 0.9, 1.7, 3.1}) {
            double numeric = (single.value(x + 1e-4) - single.value(x - 1e-4)) / 2e-4;
            assertEquals(numeric, single.derivative(x, single.value(x)), 1e-6, "tanh'(" + x + ")");
        }
        double[] x = {-3, -0.5, 0, 0.25, 2};
        double[] fx = new double[5];
        single.values(x, fx, 0, 5);
        for (int i = 0; i < x.length; i++) {
            assertEquals(single.value(x[i]), fx[i], 0.0);
        }
        for (Activation activation : builtIns()) {
            if (!(activation instanceof Tanh)) {
                assertSame(activation, activation.single(), activation.name() + " is exact in single precision");
            }
        }
    }

    @Test
    void softplusStaysFiniteAndAccurateForLargeArguments() {
        Softplus softplus = new Softplus();
        assertEquals(1000.0, softplus.value(1000), 1e-12);
        assertTrue(softplus.value(-1000) >= 0 && softplus.value(-1000) < 1e-300);
    }
}
