package com.example;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Activation;
import org.rnn4j.tck.ActivationContractTest;
import org.rnn4j.tck.PluginJarContractTest;

final class CubeTest {

    @Nested
    final class Contract extends ActivationContractTest {
        @Override
        protected Activation activation() {
            return new Cube();
        }
    }

    @Nested
    final class Jar extends PluginJarContractTest {
    }
}
