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

    /**
     * The single-precision form ({@link Activation#single()}, by default the activation itself) has
     * the same name, values within float's precision of the exact ones (1e-6 relative, or absolute
     * near zero), and bulk methods equal to its element-wise ones.
     */
    @Test
    void singlePrecisionFormAgreesToFloatPrecision() {
        Activation exact = activation();
        Activation single = exact.single();
        assertEquals(exact.name(), single.name(), "the single-precision form's name");
        SplittableRandom random = new SplittableRandom(33);
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-2 * range(), 2 * range());
            double expected = exact.value(x[i]);
            assertEquals(expected, single.value(x[i]), 1e-6 * Math.max(1, Math.abs(expected)), "f(" + x[i] + ") in single precision");
            assertEquals(exact.derivative(x[i], expected), single.derivative(x[i], single.value(x[i])),
                    1e-5 * Math.max(1, Math.abs(exact.derivative(x[i], expected))), "f'(" + x[i] + ") in single precision");
        }
        double[] fx = new double[x.length];
        double[] d = new double[x.length];
        single.values(x, fx, 0, x.length);
        single.derivatives(x, fx, d, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(single.value(x[i]), fx[i], "single-precision value " + i);
            assertEquals(single.derivative(x[i], fx[i]), d[i], "single-precision derivative " + i);
        }
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(activation().name()).matches(), "name '" + activation().name() + "'");
    }
}
