package org.rnn4j.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

final class BatchTest {

    private static Sequence sequence(double... values) {
        DMatrixRMaj inputs = new DMatrixRMaj(values.length, 1, true, values);
        DMatrixRMaj targets = new DMatrixRMaj(values.length, 1);
        for (int t = 0; t < values.length; t++) {
            targets.data[t] = 10 * values[t];
        }
        return new Sequence(inputs, targets, t0(values.length));
    }

    private static boolean[] t0(int length) {
        boolean[] mask = new boolean[length];
        for (int t = 1; t < length; t++) {
            mask[t] = true;
        }
        return mask;
    }

    @Test
    void padsShortSequencesWithoutTargetsAndFollowsTheOrder() {
        List<Sequence> sequences = List.of(sequence(1, 2, 3), sequence(4, 5));
        Batch batch = new Batch(1, 1);
        batch.fill(sequences, new int[] {1, 0}, 0, 2);
        assertEquals(2, batch.size());
        assertEquals(3, batch.length());
        assertEquals(4.0, batch.input(0).get(0, 0));
        assertEquals(1.0, batch.input(0).get(1, 0));
        assertEquals(0.0, batch.input(2).get(0, 0), "padding is zero");
        assertEquals(30.0, batch.target(2).get(1, 0));
        assertFalse(batch.hasTarget(0, 0), "step 0 has no target in these sequences");
        assertTrue(batch.hasTarget(1, 0));
        assertFalse(batch.hasTarget(2, 0), "padding has no target");
        assertTrue(batch.hasTarget(2, 1));
        assertEquals(3, batch.targetCount());

        batch.fill(sequences, new int[] {1, 0}, 1, 2);
        assertEquals(1, batch.size());
        assertEquals(3, batch.length());
        assertEquals(2.0, batch.input(1).get(0, 0));
        assertEquals(2, batch.targetCount());
    }

    @Test
    void sequencesAndDataSetsRefuseInconsistentShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new Sequence(new DMatrixRMaj(3, 1), new DMatrixRMaj(2, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new DataSet("d", 2, 1, List.of(sequence(1, 2)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DataSet("d", 1, 1, List.of(), List.of()));
    }
}
