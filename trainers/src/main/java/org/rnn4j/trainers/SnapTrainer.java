package org.rnn4j.trainers;

import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Network;

/**
 * {@code snap}: SnAp-1 (Menick et al., ICLR 2021), RTRL with the influence kept only on the
 * immediate Jacobian's sparsity pattern ({@link SnapInfluence}): exact where the recurrence is
 * diagonal, an approximation that drops the influence of one unit on another otherwise, for
 * O(n² + p) per step on the graph kit's one-layer networks, O(n·p) on others, instead of RTRL's
 * O(n²·p). Its options are rtrl's.
 *
 * <p>{@code level = 1} only. SnAp-2 keeps the pattern of two steps' Jacobians; on a fully
 * connected recurrent layer — every built-in topology but a self-recurrent one — that pattern is
 * already dense and SnAp-2 is RTRL, and on a self-recurrent one it equals SnAp-1, so it never
 * differs from one of the two on the networks rnn4j builds.
 */
public final class SnapTrainer extends OnlineTrainer {

    @Override
    public String name() {
        return "snap";
    }

    @Override
    public String description() {
        return "SnAp-1: RTRL on the immediate Jacobian's sparsity pattern, online (update per step) or per sequence";
    }

    @Override
    Influence.Kind influence(Settings settings, Network network, int rows) {
        int level = settings.integer("level", 1, Integer.MAX_VALUE);
        if (level != 1) {
            throw settings.invalid("level", "expected 1: SnAp-2's pattern is that of two steps' Jacobians, dense on a"
                    + " fully connected recurrent layer (where SnAp-2 is rtrl) and SnAp-1's on a self-recurrent one, so"
                    + " it differs from neither on rnn4j's networks; got " + level);
        }
        long n = network.stateSize();
        long p = network.parameters().size();
        boolean sparse = network.parameterUnits() != null;
        // Two values per pattern entry per row (p when each parameter reaches one unit, an estimate of 4p
        // otherwise), the state Jacobian (n × n), and the dense immediate Jacobian (n × p) when the network
        // does not give its pattern.
        requireMemory("snap", network, 2L * (sparse ? p : Math.min(n * p, 4L * p)), n * n + (sparse ? p : n * p), rows,
                sparse ? "the influence on its pattern" : "the influence on its pattern and an n × p workspace");
        return SnapInfluence::new;
    }
}
