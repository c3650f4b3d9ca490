package ${package};

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Topology;
import org.rnn4j.tck.ActivationContractTest;
import org.rnn4j.tck.PluginJarContractTest;
import org.rnn4j.tck.TopologyContractTest;

/** rnn4j's contract tests on this plugin: derivatives, RTRL against BPTT, determinism, the activation, the services files. */
final class PluginTest {

    @Nested
    final class DelayedElman extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new DelayedElmanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = 3";
        }
    }

    @Nested
    final class SimpleRnn extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new SimpleRnnTopology();
        }

        @Override
        protected String settings() {
            return "units = 3";
        }
    }

    @Nested
    final class Swish extends ActivationContractTest {
        @Override
        protected Activation activation() {
            return new SwishActivation();
        }
    }

    @Nested
    final class Jar extends PluginJarContractTest {
    }
}
