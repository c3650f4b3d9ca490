package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;

/**
 * The contract of an {@link Optimizer}: an updater whose {@code state()} restored into a fresh one
 * continues bit for bit — what makes a resumed run end exactly where an uninterrupted one does.
 */
public abstract class OptimizerContractTest {

    /** The optimizer under test. */
    protected abstract Optimizer optimizer();

    /** HOCON overriding its defaults ({@code rnn4j.optimizers.<name>} of the reference.conf files). */
    protected String settings() {
        return "";
    }

    @Test
    void stateRestoredIntoAFreshUpdaterContinuesBitForBit() {
        Optimizer optimizer = optimizer();
        var settings = Defaults.of("rnn4j.optimizers", optimizer.name(), settings());
        Parameters first = parameters();
        ParameterUpdater original = optimizer.create(settings, first);
        SplittableRandom gradients = new SplittableRandom(51);
        for (int i = 0; i < 5; i++) {
            original.update(first, gradient(first, gradients));
        }
        Parameters second = first.copy();
        ParameterUpdater resumed = optimizer.create(settings, second);
        resumed.restore(original.state());
        for (int i = 0; i < 5; i++) {
            Parameters gradient = gradient(first, gradients);
            original.update(first, gradient);
            resumed.update(second, gradient);
        }
        assertArrayEquals(first.toArray(), second.toArray(), "a restored updater takes the very same steps");
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(optimizer().name()).matches(), "name '" + optimizer().name() + "'");
    }

    private static Parameters parameters() {
        Parameters parameters = Parameters.builder().add("w", 3, 4).add("b", 1, 3, false).build();
        SplittableRandom random = new SplittableRandom(50);
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        parameters.unflatten(values);
        return parameters;
    }

    private static Parameters gradient(Parameters like, SplittableRandom random) {
        Parameters gradient = like.zerosLike();
        double[] values = new double[gradient.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        gradient.unflatten(values);
        return gradient;
    }
}
