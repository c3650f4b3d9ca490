package org.rnn4j.kernels;

/**
 * c += op(a) · op(b) in Java with the arithmetic of OpenBLAS's AVX2 double kernel (its Haswell
 * kernels): each element's products fused ({@link Math#fma}) and summed in the order
 * of p from +0, the sum then added to c. Where that kernel sums so — c's rows of even length, the
 * inner dimension within its 256-term block (found by trying; FusedProductsTest tries every shape
 * used) — and this loop's 4 × 4 blocks fit c, the numbers are the same bit for bit, so a product
 * may run here or in OpenBLAS alike.
 *
 * <p>Why: that kernel has no path for small products but OpenBLAS's general one, which takes its
 * working memory from one pool behind one lock; two threads multiplying small matrices at once wait
 * on each other (the 16 × 16 × 16 product of workload (d): about 450 ns alone, 1,800–2,000 ns each
 * with two at once; here 650–900 ns on any number of threads). OpenBLAS's own AVX-512 kernels have
 * a path for small products without that pool, and another order of sums: with them
 * {@link OpenBlasKernels} finds the numbers differ and does not use this class.
 */
final class FusedProducts {

    /** The inner dimension up to which OpenBLAS's kernel sums a product in one pass. */
    static final int MOST_TERMS = 256;

    private FusedProducts() {
    }

    /** Whether this loop takes c (m × n) and OpenBLAS sums each of its elements as here (n even, k ≤ 256). */
    static boolean covers(int m, int n, int k) {
        return m % 4 == 0 && n % 4 == 0 && k <= MOST_TERMS;
    }

    /** c (m × n) += op(a) · op(b), the inner dimension k: a is m × k (k × m if transA), b k × n (n × k if transB). */
    static void multAdd(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset,
                        double[] c, int cOffset) {
        multAdd(m, n, k, a, aOffset, transA ? 1 : k, transA ? m : 1, b, bOffset, transB ? k : 1, transB ? 1 : n, c, cOffset);
    }

    /**
     * c (m × n, row-major) += the product whose term p of element (i, j) is
     * a[aOffset + i·aRow + p·aTerm] · b[bOffset + j·bColumn + p·bTerm], in 4 × 4 blocks of c: sixteen
     * independent chains of fused multiply-adds, eight operands read per sixteen of them.
     */
    private static void multAdd(int m, int n, int k, double[] a, int aOffset, int aRow, int aTerm,
                                double[] b, int bOffset, int bColumn, int bTerm, double[] c, int cOffset) {
        for (int i = 0; i < m; i += 4) {
            for (int j = 0; j < n; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int pa = aOffset + i * aRow;
                int pb = bOffset + j * bColumn;
                for (int p = 0; p < k; p++, pa += aTerm, pb += bTerm) {
                    double x0 = a[pa];
                    double x1 = a[pa + aRow];
                    double x2 = a[pa + 2 * aRow];
                    double x3 = a[pa + 3 * aRow];
                    double y0 = b[pb];
                    double y1 = b[pb + bColumn];
                    double y2 = b[pb + 2 * bColumn];
                    double y3 = b[pb + 3 * bColumn];
                    c00 = Math.fma(x0, y0, c00);
                    c01 = Math.fma(x0, y1, c01);
                    c02 = Math.fma(x0, y2, c02);
                    c03 = Math.fma(x0, y3, c03);
                    c10 = Math.fma(x1, y0, c10);
                    c11 = Math.fma(x1, y1, c11);
                    c12 = Math.fma(x1, y2, c12);
                    c13 = Math.fma(x1, y3, c13);
                    c20 = Math.fma(x2, y0, c20);
                    c21 = Math.fma(x2, y1, c21);
                    c22 = Math.fma(x2, y2, c22);
                    c23 = Math.fma(x2, y3, c23);
                    c30 = Math.fma(x3, y0, c30);
                    c31 = Math.fma(x3, y1, c31);
                    c32 = Math.fma(x3, y2, c32);
                    c33 = Math.fma(x3, y3, c33);
                }
                int r0 = cOffset + i * n + j;
                int r1 = r0 + n;
                int r2 = r1 + n;
                int r3 = r2 + n;
                c[r0] += c00;
                c[r0 + 1] += c01;
                c[r0 + 2] += c02;
                c[r0 + 3] += c03;
                c[r1] += c10;
                c[r1 + 1] += c11;
                c[r1 + 2] += c12;
                c[r1 + 3] += c13;
                c[r2] += c20;
                c[r2 + 1] += c21;
                c[r2 + 2] += c22;
                c[r2 + 3] += c23;
                c[r3] += c30;
                c[r3 + 1] += c31;
                c[r3 + 2] += c32;
                c[r3 + 3] += c33;
            }
        }
    }
}
