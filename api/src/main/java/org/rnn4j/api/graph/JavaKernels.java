package org.rnn4j.api.graph;

/**
 * {@link MatrixKernels#JAVA}: plain-Java loops for products below {@value #SMALL} multiply-adds,
 * EJML's above.
 */
final class JavaKernels implements MatrixKernels {

    /** Multiply-adds from which EJML's kernels take over. */
    private static final long SMALL = 32 * 32 * 32;

    private static boolean small(int m, int n, int k) {
        return (long) m * n * k < SMALL;
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if (!small(m, n, k)) {
            EJML.multAddTransB(m, n, k, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        if (k == 1) {
            // A column times a row (a layer's one input over a window's steps): no loop of one term
            // per element (measured: 6% of workload (a)'s epoch).
            for (int i = 0; i < m; i++) {
                double v = a[aOffset + i];
                int ci = cOffset + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += 0.0 + v * b[bOffset + j];  // 0.0 +: the sum the general loop starts from, so −0 too
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * k;
            int ci = cOffset + i * n;
            for (int j = 0; j < n; j++) {
                int bj = bOffset + j * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[ci + j] += sum;
            }
        }
    }

    @Override
    public void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if (!small(m, n, k)) {
            EJML.multAddTransA(m, n, k, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        if (n < m) {
            // Columns of c in the inner loop, whichever is longer: a weight gradient summed over
            // many steps (k) for one output unit (n = 1) would otherwise run m loops of one.
            for (int p = 0; p < k; p++) {
                int ap = aOffset + p * m;
                int bp = bOffset + p * n;
                for (int j = 0; j < n; j++) {
                    double v = b[bp + j];
                    if (v != 0) {
                        for (int i = 0; i < m; i++) {
                            c[cOffset + i * n + j] += a[ap + i] * v;
                        }
                    }
                }
            }
            return;
        }
        for (int p = 0; p < k; p++) {
            int ap = aOffset + p * m;
            int bp = bOffset + p * n;
            for (int i = 0; i < m; i++) {
                double v = a[ap + i];
                if (v != 0) {
                    int ci = cOffset + i * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += v * b[bp + j];
                    }
                }
            }
        }
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if (!small(m, n, k)) {
            EJML.multAdd(m, n, k, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        if (k == 1) {
            addOuterProduct(m, n, a, aOffset, b, bOffset, c, cOffset);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * k;
            int ci = cOffset + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                // Four of c's elements at once, each summed in the order of p as alone: four
                // independent chains, and one pass over a's row instead of a loop per element of it.
                double sum0 = c[ci + j];
                double sum1 = c[ci + j + 1];
                double sum2 = c[ci + j + 2];
                double sum3 = c[ci + j + 3];
                for (int p = 0; p < k; p++) {
                    double v = a[ai + p];
                    int bp = bOffset + p * n + j;
                    sum0 += v * b[bp];
                    sum1 += v * b[bp + 1];
                    sum2 += v * b[bp + 2];
                    sum3 += v * b[bp + 3];
                }
                c[ci + j] = sum0;
                c[ci + j + 1] = sum1;
                c[ci + j + 2] = sum2;
                c[ci + j + 3] = sum3;
            }
            if (j + 1 < n) {  // two of what is left at once, likewise (a hidden layer of 6: 4 + 2)
                double sum0 = c[ci + j];
                double sum1 = c[ci + j + 1];
                for (int p = 0; p < k; p++) {
                    double v = a[ai + p];
                    int bp = bOffset + p * n + j;
                    sum0 += v * b[bp];
                    sum1 += v * b[bp + 1];
                }
                c[ci + j] = sum0;
                c[ci + j + 1] = sum1;
                j += 2;
            }
            for (; j < n; j++) {
                double sum = c[ci + j];
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bOffset + p * n + j];
                }
                c[ci + j] = sum;
            }
        }
    }

    /**
     * c += a · b for k = 1 (a column times a row: one output unit's δ back to a layer over a window's
     * steps), down c's columns: one long loop per column instead of a short one per row (measured
     * 2.1 → 0.8 µs for 300 × 6). One term per element, so the same numbers.
     */
    private static void addOuterProduct(int m, int n, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        for (int j = 0; j < n; j++) {
            double bj = b[bOffset + j];
            for (int i = 0; i < m; i++) {
                c[cOffset + i * n + j] += a[aOffset + i] * bj;
            }
        }
    }
}
