package org.rnn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

final class ReberTest {

    @Test
    void generatedStringsBelongToTheGrammar() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            String text = ReberGrammar.reber(random).symbols();
            assertTrue(accepts(text), text);
            String embedded = ReberGrammar.embedded(random).symbols();
            assertEquals(embedded.charAt(1), embedded.charAt(embedded.length() - 2), embedded);
            assertTrue(embedded.startsWith("B") && embedded.endsWith("E"));
            assertTrue(accepts(embedded.substring(2, embedded.length() - 2)), embedded);
        }
    }

    /** Walks the grammar's graph (Cleeremans et al. 1989, Figure 1) independently of the generator. */
    private static boolean accepts(String text) {
        int node = 0;
        for (char c : text.toCharArray()) {
            node = switch (node * 100 + c) {
                case 'B' -> 1;
                case 100 + 'T' -> 2;
                case 100 + 'P' -> 3;
                case 200 + 'S' -> 2;
                case 200 + 'X' -> 4;
                case 300 + 'T' -> 3;
                case 300 + 'V' -> 5;
                case 400 + 'X' -> 3;
                case 400 + 'S' -> 6;
                case 500 + 'P' -> 4;
                case 500 + 'V' -> 6;
                case 600 + 'E' -> 7;
                default -> -1;
            };
            if (node < 0) {
                return false;
            }
        }
        return node == 7;
    }

    @Test
    void sequencesAreOneHotNextSymbolPrediction() {
        DataSet data = new Reber().load(ConfigFactory.parseString("sequences = 5"), new SplittableRandom(2));
        assertEquals(7, data.inputSize());
        for (Sequence sequence : data.sequences()) {
            for (int t = 0; t < sequence.length(); t++) {
                double rowSum = 0;
                for (int k = 0; k < 7; k++) {
                    rowSum += sequence.inputs().get(t, k);
                }
                assertEquals(1.0, rowSum);
                if (t + 1 < sequence.length()) {
                    for (int k = 0; k < 7; k++) {
                        assertEquals(sequence.inputs().get(t + 1, k), sequence.targets().get(t, k));
                    }
                }
            }
            assertEquals(1.0, sequence.targets().get(sequence.length() - 1, 6), "the last target is E");
        }
    }

    @Test
    void legalMetricsAcceptAnyAllowedSymbolAndRejectOthers() {
        DataSet data = new EmbeddedReber().load(ConfigFactory.parseString("sequences = 30"), new SplittableRandom(3));
        List<DMatrixRMaj> targetsAsPredictions = new ArrayList<>();
        List<DMatrixRMaj> alwaysE = new ArrayList<>();
        for (Sequence sequence : data.sequences()) {
            targetsAsPredictions.add(sequence.targets());
            DMatrixRMaj e = new DMatrixRMaj(sequence.length(), 7);
            for (int t = 0; t < sequence.length(); t++) {
                e.set(t, 6, 1);
            }
            alwaysE.add(e);
        }
        assertEquals(1.0, data.metrics().get(0).evaluate(data.sequences(), targetsAsPredictions), "the actual next symbol is legal");
        assertEquals(0.0, data.metrics().get(0).evaluate(data.sequences(), alwaysE));
        double steps = data.metrics().get(1).evaluate(data.sequences(), alwaysE);
        assertTrue(steps > 0 && steps < 0.2, "E is legal only at the last step: " + steps);
    }

    @Test
    void theAddingProblemsTargetIsHalfPlusAQuarterOfTheMarkedSum() {
        DataSet data = new Adding().load(ConfigFactory.parseString("sequences = 50, length = 40"), new SplittableRandom(4));
        for (Sequence sequence : data.sequences()) {
            int length = sequence.length();
            assertTrue(length >= 40 && length <= 44);
            double sum = 0;
            int marked = 0;
            for (int t = 0; t < length; t++) {
                if (sequence.inputs().get(t, 1) == 1.0) {
                    sum += sequence.inputs().get(t, 0);
                    marked++;
                    assertTrue(t < length / 2);
                }
                assertEquals(t == length - 1, sequence.hasTarget(t));
            }
            assertEquals(2, marked);
            assertEquals(-1.0, sequence.inputs().get(0, 1));
            assertEquals(0.5 + sum / 4, sequence.targets().get(length - 1, 0), 1e-15);
        }
    }
}
