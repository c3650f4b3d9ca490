package org.rnn4j.api.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class ParametersTest {

    @Test
    void blocksAreLaidOutOneAfterAnotherRowMajor() {
        Parameters parameters = Parameters.builder().add("w", 2, 3).add("b", 1, 2).build();
        assertEquals(8, parameters.size());
        assertEquals(0, parameters.block("w").offset());
        assertEquals(6, parameters.block("b").offset());
        parameters.get("w").set(1, 2, 5.0);
        parameters.get("b").set(0, 1, 7.0);
        double[] flat = parameters.toArray();
        assertEquals(5.0, flat[5]);
        assertEquals(7.0, flat[7]);
    }

    @Test
    void flattenAndUnflattenAreInverse() {
        Parameters parameters = Parameters.builder().add("a", 2, 2).add("b", 1, 3).build();
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        parameters.unflatten(values);
        assertArrayEquals(values, parameters.toArray());
        Parameters copy = parameters.copy();
        assertArrayEquals(values, copy.toArray());
        copy.zero();
        assertArrayEquals(values, parameters.toArray(), "a copy shares nothing with its original");
        assertArrayEquals(new double[7], parameters.zerosLike().toArray());
    }

    @Test
    void refusesDuplicateAndEmptyBlocks() {
        assertThrows(IllegalArgumentException.class, () -> Parameters.builder().add("w", 1, 1).add("w", 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Parameters.builder().add("w", 0, 1));
        Parameters parameters = Parameters.builder().add("w", 1, 1).build();
        assertThrows(IllegalArgumentException.class, () -> parameters.get("v"));
        Parameters other = Parameters.builder().add("w", 2, 1).build();
        assertThrows(IllegalArgumentException.class, () -> parameters.setFrom(other));
    }
}
