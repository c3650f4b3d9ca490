package org.rnn4j.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The pure-Java kernels give EJML's results to rounding, on the small shapes they serve and beyond. */
final class MatrixKernelsTest {

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        double difference = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            difference = Math.max(difference, Math.abs(expected.data[i] - actual.data[i]));
        }
        assertTrue(difference <= 1e-13, what + ": differs by " + difference);
    }

    @Test
    void javaKernelsMatchEjml() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : new int[][] {{1, 1, 1}, {1, 6, 6}, {3, 5, 7}, {6, 300, 1}, {300, 1, 6}, {6, 300, 6}, {7, 5, 3}, {32, 8, 8}, {1, 64, 64}, {40, 40, 40}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            DMatrixRMaj a = random(m, k, random);
            DMatrixRMaj bt = random(n, k, random);
            DMatrixRMaj b = random(k, n, random);
            DMatrixRMaj aT = random(k, m, random);
            DMatrixRMaj c = random(m, n, random);
            String at = m + "x" + k + "x" + n;
            DMatrixRMaj expected = c.copy();
            DMatrixRMaj actual = c.copy();
            MatrixKernels.EJML.multAddTransB(a, bt, expected);
            MatrixKernels.JAVA.multAddTransB(a, bt, actual);
            assertClose(expected, actual, "multAddTransB " + at);
            expected = c.copy();
            actual = c.copy();
            MatrixKernels.EJML.multAddTransA(aT, b, expected);
            MatrixKernels.JAVA.multAddTransA(aT, b, actual);
            assertClose(expected, actual, "multAddTransA " + at);
            expected = c.copy();
            actual = c.copy();
            MatrixKernels.EJML.multAdd(a, b, expected);
            MatrixKernels.JAVA.multAdd(a, b, actual);
            assertClose(expected, actual, "multAdd " + at);
            expected = new DMatrixRMaj(m, n);
            actual = c.copy();
            MatrixKernels.EJML.mult(a, b, expected);
            MatrixKernels.JAVA.mult(a, b, actual);
            assertClose(expected, actual, "mult " + at);
        }
    }

    /**
     * A product over one term (k = 1, which has a loop of its own) gives each element exactly what
     * the general loop gives, c + (0 + a·b), signed zeros too.
     */
    @Test
    void productsOverOneTermAreExactlyTheGeneralLoopsSums() {
        double[] a = {0.3, -0.0, 0.0, 7};
        double[] b = {-1.5, 2, -0.0};
        double[] c = new double[12];
        java.util.Arrays.fill(c, -0.0);
        c[0] = 1e-17;
        c[5] = 3;
        double[] expected = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                sum += a[i] * b[j];
                expected[i * 3 + j] = c[i * 3 + j] + sum;
            }
        }
        MatrixKernels.JAVA.multAddTransB(4, 3, 1, a, 0, b, 0, c, 0);
        for (int e = 0; e < 12; e++) {
            assertEquals(Double.doubleToRawLongBits(expected[e]), Double.doubleToRawLongBits(c[e]), "element " + e);
        }
    }

    /**
     * However a loop is blocked, it changes only which elements are summed together, never an element's own sum:
     * c + (0 + a·b summed in the order of p) for c += a · bᵀ, and c + a·b summed in that order for
     * c += a · b — bit for bit, at offsets, for every shape up to 9 × 9 × 9 and some long ones.
     */
    @Test
    void eachElementIsItsOwnSumInTheOrderOfItsTerms() {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> shapes = new ArrayList<>();
        for (int m = 1; m <= 9; m++) {
            for (int n = 1; n <= 9; n++) {
                for (int k = 1; k <= 9; k++) {
                    shapes.add(new int[] {m, n, k});
                }
            }
        }
        shapes.addAll(List.of(new int[] {300, 1, 6}, new int[] {301, 3, 6}, new int[] {1, 6, 300}, new int[] {6, 7, 300}));
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = values(3 + m * k, random);
            double[] b = values(2 + k * n, random);
            double[] c = values(5 + m * n + 1, random);
            double[] transB = c.clone();
            double[] plain = c.clone();
            MatrixKernels.JAVA.multAddTransB(m, n, k, a, 3, b, 2, transB, 5);
            MatrixKernels.JAVA.multAdd(m, n, k, a, 3, b, 2, plain, 5);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    double fromC = c[5 + i * n + j];
                    for (int p = 0; p < k; p++) {
                        dot += a[3 + i * k + p] * b[2 + j * k + p];
                        fromC += a[3 + i * k + p] * b[2 + p * n + j];
                    }
                    String at = m + "x" + n + "x" + k + " element " + i + "," + j;
                    assertEquals(Double.doubleToRawLongBits(c[5 + i * n + j] + dot),
                            Double.doubleToRawLongBits(transB[5 + i * n + j]), "multAddTransB " + at);
                    assertEquals(Double.doubleToRawLongBits(fromC), Double.doubleToRawLongBits(plain[5 + i * n + j]),
                            "multAdd " + at);
                }
            }
            assertEquals(c[4], transB[4]);
            assertEquals(c[5 + m * n], transB[5 + m * n]);
        }
    }

    /** Random numbers of many magnitudes, with zeros of both signs among them. */
    private static double[] values(int length, SplittableRandom random) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            values[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : random.nextDouble(-1, 1) * Math.pow(2, random.nextInt(-30, 30));
        }
        return values;
    }

    /** Blocks at offsets inside larger arrays, as a network's window holds them, give the whole matrices' products. */
    @Test
    void productsOfBlocksAtOffsetsMatchWholeMatrices() {
        SplittableRandom random = new SplittableRandom(2);
        for (MatrixKernels kernels : new MatrixKernels[] {MatrixKernels.JAVA, MatrixKernels.EJML}) {
            for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 7}, {300, 1, 6}, {40, 40, 40}}) {
                int m = shape[0];
                int k = shape[1];
                int n = shape[2];
                String at = kernels + " " + m + "x" + k + "x" + n;
                DMatrixRMaj a = random(m, k, random);
                DMatrixRMaj bt = random(n, k, random);
                DMatrixRMaj b = random(k, n, random);
                DMatrixRMaj aT = random(k, m, random);
                DMatrixRMaj c = random(m, n, random);
                DMatrixRMaj expected = c.copy();
                MatrixKernels.EJML.multAddTransB(a, bt, expected);
                double[] actual = shifted(c, 5);
                kernels.multAddTransB(m, n, k, shifted(a, 2), 2, shifted(bt, 7), 7, actual, 5);
                assertClose(expected, block(actual, 5, m, n), "multAddTransB " + at);
                expected = c.copy();
                MatrixKernels.EJML.multAddTransA(aT, b, expected);
                actual = shifted(c, 5);
                kernels.multAddTransA(m, n, k, shifted(aT, 1), 1, shifted(b, 4), 4, actual, 5);
                assertClose(expected, block(actual, 5, m, n), "multAddTransA " + at);
                expected = c.copy();
                MatrixKernels.EJML.multAdd(a, b, expected);
                actual = shifted(c, 5);
                kernels.multAdd(m, n, k, shifted(a, 3), 3, shifted(b, 6), 6, actual, 5);
                assertClose(expected, block(actual, 5, m, n), "multAdd " + at);
                assertTrue(actual[4] == 99 && actual[5 + m * n] == 99, "wrote outside c's block: " + at);
            }
        }
    }

    /** m's values at {@code offset} in a longer array, with other numbers around them. */
    private static double[] shifted(DMatrixRMaj m, int offset) {
        double[] values = new double[offset + m.getNumElements() + 2];
        java.util.Arrays.fill(values, 99);
        System.arraycopy(m.data, 0, values, offset, m.getNumElements());
        return values;
    }

    private static DMatrixRMaj block(double[] values, int offset, int rows, int cols) {
        return DMatrixRMaj.wrap(rows, cols, java.util.Arrays.copyOfRange(values, offset, offset + rows * cols));
    }
}
