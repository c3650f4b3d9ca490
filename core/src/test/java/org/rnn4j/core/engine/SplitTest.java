package org.rnn4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.data.TemporalXor;

final class SplitTest {

    private static final DataSet DATA = new TemporalXor().load(ConfigFactory.parseString("sequences = 10, length = 6"),
            new SplittableRandom(1));

    @Test
    void holdsOutTheFractionRoundedDownAndKeepsEverySequenceOnce() {
        DataSet[] parts = DataSplit.split(DATA, 0.25, new SplittableRandom(2));
        assertEquals(8, parts[0].sequences().size());
        assertEquals(2, parts[1].sequences().size());
        Set<Sequence> seen = new HashSet<>(parts[0].sequences());
        seen.addAll(parts[1].sequences());
        assertEquals(new HashSet<>(DATA.sequences()), seen);
        assertEquals(DATA.metrics(), parts[1].metrics());
    }

    @Test
    void noHeldOutPartWhenTheFractionLeavesNone() {
        DataSet[] parts = DataSplit.split(DATA, 0.05, new SplittableRandom(2));
        assertTrue(parts[0] == DATA);
        assertNull(parts[1]);
    }
}
