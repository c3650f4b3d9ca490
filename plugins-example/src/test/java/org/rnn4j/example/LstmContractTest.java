package org.rnn4j.example;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Topology;
import org.rnn4j.tck.TopologyContractTest;

/** The framework's contract tests on the plugin's LSTM: what a third party runs on its own network. */
final class LstmContractTest {

    @Nested
    final class OneLayer extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new LstmTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4], output-activation = gaussian";
        }
    }

    @Nested
    final class TwoLayersWithPeepholes extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new LstmTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [3, 4], peepholes = true";
        }
    }
}
