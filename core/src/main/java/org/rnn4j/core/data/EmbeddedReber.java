package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Settings;
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
        int count = new Settings(settings, "rnn4j.data").integer("sequences", 1, Integer.MAX_VALUE);
        List<ReberGrammar.Text> texts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            texts.add(ReberGrammar.embedded(random));
        }
        return ReberGrammar.dataSet(name(), texts);
    }
}
