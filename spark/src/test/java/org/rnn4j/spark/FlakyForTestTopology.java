package org.rnn4j.spark;

import org.apache.spark.TaskContext;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;

/**
 * A test-only topology whose first attempt in every Spark task dies the way a lost executor's
 * work does (an {@link Error}, not a run's failure); Spark's retry then builds a small Elman net.
 */
public final class FlakyForTestTopology implements Topology {

    /** What the first attempt throws. */
    static final class LostExecutor extends Error {
        private static final long serialVersionUID = 1L;

        LostExecutor() {
            super("executor lost (test)");
        }
    }

    @Override
    public String name() {
        return "flaky-for-test";
    }

    @Override
    public Network build(TopologyContext context) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0) {
            throw new LostExecutor();
        }
        return LayerGraph.builder(context.inputSize())
                .group("hidden", 3, context.activation("tanh"), true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .group("output", context.outputSize(), context.activation("sigmoid"), true)
                .connect("hidden", "output", 0)
                .output("output")
                .build().network();
    }
}
