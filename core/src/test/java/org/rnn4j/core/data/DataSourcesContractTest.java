package org.rnn4j.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.rnn4j.api.DataSource;
import org.rnn4j.tck.DataSourceContractTest;

/** The tck's data source contract on every built-in data set: the same seed, the same data. */
final class DataSourcesContractTest {

    @Nested final class TemporalXorContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new TemporalXor(); }
        @Override protected String settings() { return "sequences = 5, length = 12"; }
    }

    @Nested final class DelayedXorContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new DelayedXor(); }
        @Override protected String settings() { return "sequences = 5"; }
    }

    @Nested final class SineContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new Sine(); }
        @Override protected String settings() { return "sequences = 5"; }
    }

    @Nested final class ReberContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new Reber(); }
        @Override protected String settings() { return "sequences = 5"; }
    }

    @Nested final class EmbeddedReberContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new EmbeddedReber(); }
        @Override protected String settings() { return "sequences = 5"; }
    }

    @Nested final class AddingContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new Adding(); }
        @Override protected String settings() { return "sequences = 5"; }
    }

    @Nested final class AirlinePassengersContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new AirlinePassengers(); }
    }

    @Nested final class CsvContract extends DataSourceContractTest {
        @Override protected DataSource dataSource() { return new CsvFiles(); }

        @Override protected String settings() {
            try {
                Path file = Files.createTempFile("rnn4j-contract-", ".csv");
                file.toFile().deleteOnExit();
                Files.writeString(file, "x,y\n1,2\n3,4\n5,6\n");
                return "files = [\"" + file + "\"], inputs = [x], targets = [y]";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
