package org.rnn4j.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FusedProducts}' arithmetic four lanes at a time, with the JDK's vector API: each element's
 * products fused and summed in the order of p from +0, the sum then added to c — the same chain per
 * element, so the same numbers bit for bit — and OpenBLAS's for every shape whose products OpenBLAS
 * sums so, which {@link OpenBlasKernels} tries on each shape's first product. Measured on
 * (d)'s 16 × 16 × 16 product: about 200 ns, against 650 ns for FusedProducts' scalar loop and 360 ns
 * for OpenBLAS's AVX2 kernel (without its copies and call), and no lock: every thread runs its small
 * products here at once.
 *
 * <p>Only loaded when the JVM runs with {@code --add-modules jdk.incubator.vector} (an incubator
 * module in Java 17) on a CPU with 256-bit vectors: see {@link OpenBlasKernels#vectorsHere()}.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;

    private VectorProducts() {
    }

    /** Whether this CPU has vectors of four doubles for the JIT to use (AVX2 and up; not 128-bit NEON). */
    static boolean fitThisCpu() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= FOUR.vectorBitSize();
    }

    /** Whether this loop takes c (m × n): its 4 × 8 blocks fit, and OpenBLAS sums as FusedProducts does (k ≤ 256). */
    static boolean covers(int m, int n, int k) {
        return m % 4 == 0 && n % 8 == 0 && k <= FusedProducts.MOST_TERMS;
    }

    /** c (m × n, row-major) += op(a) · b: a is m × k (k × m if transA), b k × n row-major. */
    static void multAdd(boolean transA, int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c,
                        int cOffset) {
        int aRow = transA ? 1 : k;
        int aTerm = transA ? m : 1;
        for (int i = 0; i < m; i += 4) {
            for (int j = 0; j < n; j += 8) {
                DoubleVector zero = DoubleVector.zero(FOUR);
                DoubleVector c0 = zero;
                DoubleVector c0r = zero;
                DoubleVector c1 = zero;
                DoubleVector c1r = zero;
                DoubleVector c2 = zero;
                DoubleVector c2r = zero;
                DoubleVector c3 = zero;
                DoubleVector c3r = zero;
                int pa = aOffset + i * aRow;
                int pb = bOffset + j;
                for (int p = 0; p < k; p++, pa += aTerm, pb += n) {
                    DoubleVector y = DoubleVector.fromArray(FOUR, b, pb);
                    DoubleVector yr = DoubleVector.fromArray(FOUR, b, pb + 4);
                    DoubleVector x0 = DoubleVector.broadcast(FOUR, a[pa]);
                    DoubleVector x1 = DoubleVector.broadcast(FOUR, a[pa + aRow]);
                    DoubleVector x2 = DoubleVector.broadcast(FOUR, a[pa + 2 * aRow]);
                    DoubleVector x3 = DoubleVector.broadcast(FOUR, a[pa + 3 * aRow]);
                    c0 = x0.fma(y, c0);
                    c0r = x0.fma(yr, c0r);
                    c1 = x1.fma(y, c1);
                    c1r = x1.fma(yr, c1r);
                    c2 = x2.fma(y, c2);
                    c2r = x2.fma(yr, c2r);
                    c3 = x3.fma(y, c3);
                    c3r = x3.fma(yr, c3r);
                }
                int row = cOffset + i * n + j;
                addInto(c, row, c0, c0r);
                addInto(c, row + n, c1, c1r);
                addInto(c, row + 2 * n, c2, c2r);
                addInto(c, row + 3 * n, c3, c3r);
            }
        }
    }

    /** c[at … at + 7] += the eight sums. */
    private static void addInto(double[] c, int at, DoubleVector left, DoubleVector right) {
        DoubleVector.fromArray(FOUR, c, at).add(left).intoArray(c, at);
        DoubleVector.fromArray(FOUR, c, at + 4).add(right).intoArray(c, at + 4);
    }
}
