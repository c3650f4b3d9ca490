package org.rnn4j.trainers;

import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Network;

/**
 * {@code snap}: SnAp-1 (Menick et al., ICLR 2021), RTRL with the influence kept only on the
 * immediate Jacobian's sparsity pattern ({@link SnapInfluence}): exact where the recurrence is
 * diagonal, an approximation that drops the influence of one unit on another otherwise, for
 * O(n·p) per step instead of RTRL's O(n²·p). Its options are rtrl's.
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
        // Two values per pattern entry per row (at most n·p), one dense n × p immediate Jacobian and an n × n one.
        requireMemory("snap", network, 2L * Math.min(n * p, 4L * p), n * p + n * n, rows,
                "the influence on its pattern and an n × p workspace");
        return SnapInfluence::new;
    }
}
