package org.rnn4j.api;

import com.typesafe.config.Config;
import java.util.random.RandomGenerator;
import org.rnn4j.api.data.DataSet;

/**
 * Where a run's sequences come from: a generator of a classic task ({@code temporal-xor}) or a
 * loader of users' files, chosen by {@code rnn4j.data.type}.
 */
public interface DataSource extends Plugin {

    /**
     * Makes or loads the data set.
     *
     * @param settings the effective settings: the run's {@code rnn4j.data} over this source's
     *                 defaults in {@code rnn4j.datasets.<name>}
     * @param random   seeded random numbers for generators
     * @throws InvalidInputException when a setting or a file is bad
     */
    DataSet load(Config settings, RandomGenerator random);
}
