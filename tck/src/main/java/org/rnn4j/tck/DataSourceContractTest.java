package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.data.DataSet;

/** The contract of a {@link DataSource}: the same seed gives the same data, of consistent widths and names. */
public abstract class DataSourceContractTest {

    /** The data source under test. */
    protected abstract DataSource dataSource();

    /** HOCON overriding its defaults ({@code rnn4j.datasets.<name>}); small data checks fastest. */
    protected String settings() {
        return "";
    }

    @Test
    void theSameSeedGivesTheSameData() {
        DataSource source = dataSource();
        var settings = Defaults.of("rnn4j.datasets", source.name(), settings());
        DataSet a = source.load(settings, new SplittableRandom(61));
        DataSet b = source.load(settings, new SplittableRandom(61));
        assertEquals(a.sequences().size(), b.sequences().size());
        for (int s = 0; s < a.sequences().size(); s++) {
            assertArrayEquals(a.sequences().get(s).inputs().data, b.sequences().get(s).inputs().data, "sequence " + s);
            assertArrayEquals(a.sequences().get(s).targets().data, b.sequences().get(s).targets().data, "sequence " + s);
            assertArrayEquals(a.sequences().get(s).hasTarget(), b.sequences().get(s).hasTarget(), "sequence " + s);
        }
        for (var names : java.util.List.of(a.inputNames(), a.targetNames())) {
            assertEquals(names.size(), new java.util.HashSet<>(names).size(), "distinct names: " + names);
            assertTrue(names.stream().noneMatch(String::isBlank), "no blank name: " + names);
        }
        assertTrue(a.targetSteps() > 0, "something to learn");
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(TopologyContractTest.NAME.matcher(dataSource().name()).matches(), "name '" + dataSource().name() + "'");
    }
}
