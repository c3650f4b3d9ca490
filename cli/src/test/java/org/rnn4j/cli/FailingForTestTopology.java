package org.rnn4j.cli;

import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.network.Network;

/** A test-only topology with a bug of its own: building it throws. The plugin, not rnn4j, is to blame. */
public final class FailingForTestTopology implements Topology {

    @Override
    public String name() {
        return "failing-for-test";
    }

    @Override
    public Network build(TopologyContext context) {
        int[] sizes = new int[1];
        return sizes[context.inputSize()] == 0 ? null : null; // index 1 of a 1-element array
    }
}
