package org.rnn4j.cli;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.GraphNetwork;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.tck.ForwardingNetwork;

/** A test-only topology whose backward is deliberately wrong: gradcheck must catch it. */
public final class BrokenForTestTopology implements Topology {

    @Override
    public String name() {
        return "broken-for-test";
    }

    @Override
    public Network build(TopologyContext context) {
        GraphNetwork network = LayerGraph.builder(context.inputSize())
                .group("hidden", 3, context.activation("tanh"), true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .group("output", context.outputSize(), context.activation("sigmoid"), true)
                .connect("hidden", "output", 0)
                .output("output")
                .build().network();
        return new ForwardingNetwork(network) {
            @Override
            public void backward(StepCache cache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient, Parameters gradient,
                                 DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
                super.backward(cache, outputGradient, stateGradient, gradient, previousStateGradient, inputGradient);
                gradient.get("output.bias").data[0] *= 1.01;
            }
        };
    }
}
