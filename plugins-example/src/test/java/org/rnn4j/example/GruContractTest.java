package org.rnn4j.example;

import org.rnn4j.api.Topology;
import org.rnn4j.tck.TopologyContractTest;

/** The contract tests on a network written with forward and backward only: RTRL's Jacobians are the defaults. */
final class GruContractTest extends TopologyContractTest {

    @Override
    protected Topology topology() {
        return new GruTopology();
    }

    @Override
    protected String settings() {
        return "units = 4, output-activation = gaussian";
    }
}
