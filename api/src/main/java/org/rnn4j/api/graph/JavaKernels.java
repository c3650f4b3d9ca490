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
        // Each element is a dot product summed from 0 in the order of p, then added to c. Four of
        // them at once — four independent chains instead of one waiting on each addition: along c's
        // row, or down its columns when the rows are shorter than four (a window's output unit over
        // its steps). Measured on workload (a): see docs/performance.md, tenth round.
        if (n < 4 && m >= 4) {
            for (int j = 0; j < n; j++) {  // down c's column j: b's row j against a's rows
                int bj = bOffset + j * k;
                int i = 0;
                for (; i + 3 < m; i += 4) {
                    addFourDots(k, b, bj, a, aOffset + i * k, c, cOffset + i * n + j, n);
                }
                for (; i < m; i++) {
                    addDot(k, b, bj, a, aOffset + i * k, c, cOffset + i * n + j);
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {  // along c's row i: a's row i against b's rows
            int ai = aOffset + i * k;
            int ci = cOffset + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                addFourDots(k, a, ai, b, bOffset + j * k, c, ci + j, 1);
            }
            for (; j < n; j++) {
                addDot(k, a, ai, b, bOffset + j * k, c, ci + j);
            }
        }
    }

    /**
     * c[cAt + r · cStride] += the dot product of v's k values at vAt and w's at wAt + r · k, for r = 0 … 3,
     * each summed from 0 in the order of its terms.
     */
    private static void addFourDots(int k, double[] v, int vAt, double[] w, int wAt, double[] c, int cAt, int cStride) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        for (int p = 0; p < k; p++) {
            double x = v[vAt + p];
            sum0 += x * w[wAt + p];
            sum1 += x * w[wAt + k + p];
            sum2 += x * w[wAt + 2 * k + p];
            sum3 += x * w[wAt + 3 * k + p];
        }
        c[cAt] += sum0;
        c[cAt + cStride] += sum1;
        c[cAt + 2 * cStride] += sum2;
        c[cAt + 3 * cStride] += sum3;
    }

    /** As {@link #addFourDots} for one, into c[cAt]. */
    private static void addDot(int k, double[] v, int vAt, double[] w, int wAt, double[] c, int cAt) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
            sum += v[vAt + p] * w[wAt + p];
        }
        c[cAt] += sum;
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
