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

    /** Rows wider than a short copy's loop (20 inputs) and narrower (3 outputs); a refill leaves nothing of the batch before. */
    @Test
    void copiesWideAndNarrowRowsAndPadsOverWhatTheBatchHeldBefore() {
        Sequence longer = counting(4, 20, 3, 0);
        Sequence shorter = counting(2, 20, 3, 1000);
        List<Sequence> sequences = List.of(longer, shorter);
        Batch batch = new Batch(20, 3);
        batch.fill(sequences, new int[] {0, 0}, 0, 2);  // both rows of every step filled
        batch.fill(sequences, new int[] {0, 1}, 0, 2);
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 20; i++) {
                assertEquals(longer.inputs().get(t, i), batch.input(t).get(0, i));
                assertEquals(t < 2 ? shorter.inputs().get(t, i) : 0.0, batch.input(t).get(1, i), "step " + t + " input " + i);
            }
            for (int o = 0; o < 3; o++) {
                assertEquals(longer.targets().get(t, o), batch.target(t).get(0, o));
                assertEquals(t < 2 ? shorter.targets().get(t, o) : 0.0, batch.target(t).get(1, o), "step " + t + " target " + o);
            }
            assertEquals(t < 2, batch.hasTarget(t, 1));
        }
        assertEquals(6, batch.targetCount());
    }

    /** A sequence of {@code steps} steps whose every value differs: {@code base} + its position. */
    private static Sequence counting(int steps, int inputs, int outputs, int base) {
        DMatrixRMaj x = new DMatrixRMaj(steps, inputs);
        DMatrixRMaj y = new DMatrixRMaj(steps, outputs);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = base + i + 1;
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = -(base + i + 1);
        }
        return new Sequence(x, y);
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
