package org.rnn4j.topologies;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Topology;
import org.rnn4j.tck.TopologyContractTest;

/** The topology contract on every topology of the seed, in its main variants. */
final class TopologiesContractTest {

    @Nested
    final class FeedforwardOneLayer extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new FeedforwardTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [5]";
        }
    }

    @Nested
    final class FeedforwardTwoLayers extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new FeedforwardTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4, 3]";
        }
    }

    @Nested
    final class ElmanOneLayer extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new ElmanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [5]";
        }
    }

    @Nested
    final class ElmanTwoLayers extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new ElmanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4, 3], output-activation = tanh";
        }
    }

    @Nested
    final class ElmanWithoutBiasUniformInit extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new ElmanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4], bias = false, init { feedforward = uniform, recurrent = uniform, range = 0.3 },"
                    + " activation = sigmoid, output-activation = identity";
        }
    }

    @Nested
    final class JordanWithDecay extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new JordanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4], alpha = 0.5";
        }
    }

    @Nested
    final class JordanTwoLayersWithoutDecay extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new JordanTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4, 3], alpha = 0, output-activation = identity";
        }
    }

    @Nested
    final class PartiallyRecurrentSelf extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new PartiallyRecurrentTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4, 3], recurrence = self";
        }
    }

    @Nested
    final class PartiallyRecurrentFull extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new PartiallyRecurrentTopology();
        }

        @Override
        protected String settings() {
            return "hidden = [4], recurrence = full";
        }
    }

    @Nested
    final class FullyRecurrent extends TopologyContractTest {
        @Override
        protected Topology topology() {
            return new FullyRecurrentTopology();
        }

        @Override
        protected String settings() {
            return "units = 5";
        }
    }
}
