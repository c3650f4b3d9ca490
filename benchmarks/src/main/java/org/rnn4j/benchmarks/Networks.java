package org.rnn4j.benchmarks;

import com.typesafe.config.ConfigFactory;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.Network;
import org.rnn4j.core.Rnn4j;

/** Networks of the seed's topologies at benchmark sizes, built through the plugins as a run builds them. */
final class Networks {

    private Networks() {
    }

    /** {@code topology} with {@code hidden} units per layer (fully-recurrent: units in all), {@code inputs → outputs}. */
    static Network build(String topology, int hidden, int inputs, int outputs) {
        return build(topology, hidden, inputs, outputs, "identity");
    }

    /** As {@link #build(String, int, int, int)}, with {@code output} the output units' activation (not fully-recurrent's). */
    static Network build(String topology, int hidden, int inputs, int outputs, String output) {
        return build(topology, hidden, inputs, outputs, output, "double");
    }

    /** As {@link #build(String, int, int, int, String)}, in {@code precision} ({@code double} or {@code single}). */
    static Network build(String topology, int hidden, int inputs, int outputs, String output, String precision) {
        String size = topology.equals("fully-recurrent") ? "units = " + Math.max(hidden, outputs)
                : "hidden = [" + hidden + "], output-activation = " + output;
        Rnn4j rnn4j = Rnn4j.create(ConfigFactory.parseString("rnn4j { precision = " + precision + ", topology { type = "
                + topology + ", " + size + " } }"));
        return rnn4j.network(inputs, outputs);
    }

    static DMatrixRMaj random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }
}
