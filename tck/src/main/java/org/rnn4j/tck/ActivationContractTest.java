package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Activation;

/**
 * The contract of an {@link Activation}, for a plugin's own tests:
 *
 * <pre>{@code
 * final class SwishContractTest extends ActivationContractTest {
 *     protected Activation activation() { return new Swish(); }
 * }
 * }</pre>
 */
public abstract class ActivationContractTest {

    /** The activation under test. */
    protected abstract Activation activation();

    /** Where the derivative is checked: points in [−range, range] (avoid kinks of piecewise functions there). */
    protected double range() {
        return 4;
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        Activation f = activation();
        SplittableRandom random = new SplittableRandom(31);
        double step = 1e-6;
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble(-range(), range());
            double numeric = (f.value(x + step) - f.value(x - step)) / (2 * step);
            double analytic = f.derivative(x, f.value(x));
            assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(numeric)), "f'(" + x + ")");
        }
    }

    @Test
    void bulkMethodsOverARangeEqualTheElementWiseOnes() {
        Activation f = activation();
        SplittableRandom random = new SplittableRandom(32);
        double[] x = new double[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-2 * range(), 2 * range());
        }
        double[] fx = new double[x.length];
        double[] d = new double[x.length];
        java.util.Arrays.fill(fx, -7);
        java.util.Arrays.fill(d, -7);
        f.values(x, fx, 5, 30);
        f.derivatives(x, fx, d, 5, 30);
        for (int i = 0; i < x.length; i++) {
            boolean inside = i >= 5 && i < 30;
            assertEquals(inside ? f.value(x[i]) : -7, fx[i], "value " + i + " (only 5 … 29 written)");
            assertEquals(inside ? f.derivative(x[i], f.value(x[i])) : -7, d[i], "derivative " + i);
        }
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(activation().name()).matches(), "name '" + activation().name() + "'");
    }
}
