package org.rnn4j.topologies;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.rnn4j.api.activation.Sigmoid;
import org.rnn4j.api.activation.Tanh;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;
import org.rnn4j.tck.NetworkContractTest;
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

    /** A graph with delays 2 and 3, realised as chains of context groups: every contract holds. */
    @Nested
    final class DelaysTwoAndThree extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return LayerGraph.builder(2)
                    .group("hidden", 3, new Tanh(), true)
                    .connect("input", "hidden", 0)
                    .connect("input", "hidden", 2)
                    .connect("hidden", "hidden", 3)
                    .group("output", 2, new Sigmoid(), true)
                    .connect("hidden", "output", 0)
                    .connect("hidden", "output", 2)
                    .output("output")
                    .build()
                    .network(new SplittableRandom(seed));
        }
    }
}
