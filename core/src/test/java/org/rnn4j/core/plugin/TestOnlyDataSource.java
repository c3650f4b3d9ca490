package org.rnn4j.core.plugin;

import com.typesafe.config.Config;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/** A provider that exists only on the test class path, listed in its META-INF/services. */
public final class TestOnlyDataSource implements DataSource {

    @Override
    public String name() {
        return "test-only";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        return new DataSet(name(), 1, 1, List.of(new Sequence(new DMatrixRMaj(2, 1), new DMatrixRMaj(2, 1))), List.of());
    }
}
