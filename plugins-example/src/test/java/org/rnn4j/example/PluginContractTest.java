package org.rnn4j.example;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Activation;
import org.rnn4j.tck.ActivationContractTest;
import org.rnn4j.tck.PluginJarContractTest;

/** What a plugin's own tests run besides the network contracts: the activation's, and the jar's. */
final class PluginContractTest {

    @Nested final class Gaussian extends ActivationContractTest {
        @Override protected Activation activation() { return new GaussianActivation(); }
    }

    /** The services files, names and reference.conf defaults, as rnn4j will load the jar. */
    @Nested final class Jar extends PluginJarContractTest {
    }
}
