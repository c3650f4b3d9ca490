package org.rnn4j.core.data;

import org.rnn4j.api.Memory;

/** The memory a generated data set will take, checked before it is generated. */
final class DataSize {

    /** Bytes of the objects behind one sequence besides its values (two matrices, a mask). */
    private static final long PER_SEQUENCE = 200;

    private DataSize() {
    }

    /**
     * Refuses {@code sequences} sequences of about {@code steps} steps of {@code width} values
     * (inputs and targets together) when they would not fit the JVM's heap.
     */
    static void require(long sequences, long steps, int width) {
        long values = Memory.doubles(sequences, Math.max(1, steps) * (width + 1L));
        long bytes = values == Long.MAX_VALUE ? values : values + sequences * PER_SEQUENCE;
        Memory.require(bytes, "rnn4j.data: " + sequences + " sequences of about " + steps + " steps",
                "fewer rnn4j.data.sequences or shorter ones");
    }
}
