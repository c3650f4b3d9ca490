package org.rnn4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

final class SeedsTest {

    @Test
    void streamsAreReproducibleAndDistinct() {
        assertEquals(Seeds.stream(1, "init").nextLong(), Seeds.stream(1, "init").nextLong());
        assertNotEquals(Seeds.stream(1, "init").nextLong(), Seeds.stream(2, "init").nextLong());
        assertNotEquals(Seeds.stream(1, "init").nextLong(), Seeds.stream(1, "data").nextLong());
        assertNotEquals(Seeds.stream(1, "epoch", 1).nextLong(), Seeds.stream(1, "epoch", 2).nextLong());
    }
}
