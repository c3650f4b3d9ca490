package org.rnn4j.trainers;

import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Network;

/**
 * {@code uoro}: Unbiased Online Recurrent Optimization (Tallec and Ollivier, ICLR 2018), RTRL's
 * influence replaced by an unbiased rank-one estimate ({@link UoroInfluence}) — O(n² + p) per step
 * and n + p values per sequence, at the price of a noisy gradient. Its options are rtrl's; the
 * random signs come from the run's seed.
 */
public final class UoroTrainer extends OnlineTrainer {

    @Override
    public String name() {
        return "uoro";
    }

    @Override
    public String description() {
        return "UORO: an unbiased rank-one estimate of RTRL's influence, online (update per step) or per sequence";
    }

    @Override
    Influence.Kind influence(Settings settings, Network network, int rows) {
        long n = network.stateSize();
        long p = network.parameters().size();
        requireMemory("uoro", network, n + p, n * n + 2 * p, rows, "the rank-one factors (n + p)");
        return UoroInfluence::new;
    }
}
