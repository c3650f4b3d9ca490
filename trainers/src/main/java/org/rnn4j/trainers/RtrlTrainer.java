package org.rnn4j.trainers;

import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rtrl}: real-time recurrent learning (Williams and Zipser 1989). Instead of unfolding the
 * network backwards, it carries forward, for every sequence of the batch, the sensitivity of
 * the state to every parameter, P_t = ∂s_t/∂θ:
 *
 * <pre>    P_t = (∂s_t/∂s_{t-1}) P_{t-1} + ∂s_t/∂θ|immediate,   ∂L_t/∂θ = ∂L_t/∂θ|direct + (∂L_t/∂s_{t-1}) P_{t-1}</pre>
 *
 * so the gradient of each step's loss is known at that step. With {@code update = step} the
 * parameters change after every time step — true online learning, the model learned while the
 * data arrives; with {@code update = sequence} the gradients are summed and applied at the end
 * of each batch of sequences, when they equal BPTT's exactly.
 *
 * <p>Each step costs about n²·p multiply-adds per sequence (n state values, p parameters) —
 * O(n⁴) for a fully recurrent net — and memory n·p per sequence, independent of the length.
 * {@code snap} and {@code uoro} approximate it for less.
 */
public final class RtrlTrainer extends OnlineTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(RtrlTrainer.class);

    /** Multiply-adds per step above which a warning names the cheaper trainers. */
    static final double EXPENSIVE_STEP = 1e8;

    @Override
    public String name() {
        return "rtrl";
    }

    @Override
    public String description() {
        return "real-time recurrent learning, online (update per step) or per sequence";
    }

    @Override
    Influence.Kind influence(Settings settings, Network network, int rows) {
        double n = network.stateSize();
        double p = network.parameters().size();
        // Two n × p sensitivity matrices per sequence of the batch.
        requireMemory("rtrl", network, 2L * (long) n * (long) p, 0, rows, "the sensitivities (n × p, twice)");
        double cost = n * n * p * rows;
        if (cost > EXPENSIVE_STEP) {
            LOG.warn("rtrl: one step of this network costs about {} multiply-adds (n²·p·batch = {}²·{}·{}); offline,"
                    + " bptt computes the same gradient far faster; online, snap (SnAp-1: about n² + p on one-layer"
                    + " networks, n·p on others) and uoro (about n² + p) approximate it for less",
                    String.format("%.1e", cost), (int) n, (int) p, rows);
        }
        return Sensitivities::new;
    }
}
