package org.rnn4j.topologies;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.network.Network;
import org.rnn4j.tck.NetworkContractTest;
import org.rnn4j.tck.TestTopologyContext;

/** The network contract on every topology of the seed, in its main variants. */
final class TopologiesContractTest {

    @Nested
    final class FeedforwardOneLayer extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new FeedforwardTopology(), "hidden = [5]", 3, 2, seed);
        }
    }

    @Nested
    final class FeedforwardTwoLayers extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new FeedforwardTopology(), "hidden = [4, 3]", 2, 2, seed);
        }
    }

    @Nested
    final class JordanWithDecay extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new JordanTopology(), "hidden = [4], alpha = 0.5", 2, 3, seed);
        }
    }

    @Nested
    final class JordanTwoLayersWithoutDecay extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new JordanTopology(), "hidden = [4, 3], alpha = 0, output-activation = identity", 2, 2, seed);
        }
    }

    @Nested
    final class PartiallyRecurrentSelf extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new PartiallyRecurrentTopology(), "hidden = [4, 3], recurrence = self", 2, 2, seed);
        }
    }

    @Nested
    final class PartiallyRecurrentFull extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new PartiallyRecurrentTopology(), "hidden = [4], recurrence = full", 3, 2, seed);
        }
    }

    @Nested
    final class FullyRecurrent extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new FullyRecurrentTopology(), "units = 5", 2, 2, seed);
        }
    }
}
