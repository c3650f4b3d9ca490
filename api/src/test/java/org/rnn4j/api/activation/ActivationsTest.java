package org.rnn4j.api.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void bulkMethodsAgreeWithTheScalarOnes() {
        double[] x = {-3, -0.5, 0, 0.25, 2};
        for (Activation activation : builtIns()) {
            double[] fx = new double[x.length];
            double[] d = new double[x.length];
            activation.values(x, fx, x.length);
            activation.derivatives(x, fx, d, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(activation.value(x[i]), fx[i], 0.0, activation.name());
                assertEquals(activation.derivative(x[i], fx[i]), d[i], 0.0, activation.name());
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
