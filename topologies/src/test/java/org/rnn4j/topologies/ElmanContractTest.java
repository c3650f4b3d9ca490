package org.rnn4j.topologies;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.network.Network;
import org.rnn4j.tck.NetworkContractTest;
import org.rnn4j.tck.TestTopologyContext;

/** The network contract on Elman networks of one and of two hidden layers. */
final class ElmanContractTest {

    @Nested
    final class OneHiddenLayer extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new ElmanTopology(), "hidden = [5]", 3, 2, seed);
        }
    }

    @Nested
    final class TwoHiddenLayers extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new ElmanTopology(), "hidden = [4, 3], output-activation = tanh", 2, 3, seed);
        }
    }

    @Nested
    final class WithoutBiasAndUniformInit extends NetworkContractTest {
        @Override
        protected Network newNetwork(long seed) {
            return TestTopologyContext.build(new ElmanTopology(),
                    "hidden = [4], bias = false, init { feedforward = uniform, recurrent = uniform, range = 0.3 }, activation = sigmoid, output-activation = identity",
                    2, 2, seed);
        }
    }
}
