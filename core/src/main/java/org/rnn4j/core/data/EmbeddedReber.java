package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.util.random.RandomGenerator;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.data.DataSet;

/**
 * {@code embedded-reber}: B, then T or P, a Reber string, the same T or P again, E. Predicting
 * the second T or P needs the first one, remembered across the whole inner string — the long
 * time lag that Hochreiter and Schmidhuber (1997) used to compare LSTM with recurrent nets.
 * Metrics as for {@code reber}.
 */
public final class EmbeddedReber implements DataSource {

    @Override
    public String name() {
        return "embedded-reber";
    }

    @Override
    public String description() {
        return "embedded Reber grammar: the second T/P must repeat the first across a Reber string";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        return ReberGrammar.load(name(), settings, random, ReberGrammar::embedded);
    }
}
