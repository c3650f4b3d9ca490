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

    /**
     * Whether the sequences {@code load} gives with {@code settings} are series in time — a
     * forecast's future is their last steps — rather than independent examples. A series is held
     * out by its last steps ({@code rnn4j.data.split = auto}), and its forecasts are scored beside
     * naive baselines; independent sequences are held out whole, at random.
     */
    default boolean isSeries(Config settings) {
        return false;
    }
}
