package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.util.random.RandomGenerator;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.data.DataSet;

/**
 * {@code reber}: next-symbol prediction on strings of the Reber grammar, symbols one-hot over
 * B, T, P, S, X, V, E. Metrics: {@code legal-strings}, the share of strings in which every
 * prediction (the most active output) is a symbol the grammar allows next, and
 * {@code legal-steps}, the share of such predictions.
 */
public final class Reber implements DataSource {

    @Override
    public String name() {
        return "reber";
    }

    @Override
    public String description() {
        return "Reber grammar strings, one-hot; predict the next symbol";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        return ReberGrammar.load(name(), settings, random, ReberGrammar::reber);
    }
}
