package org.rnn4j.api.graph;

import java.util.ServiceLoader;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrix products a network step is made of, on row-major EJML matrices. The pure-Java
 * kernels ({@link #JAVA}: tight loops for small shapes, EJML's for larger) always work; a faster
 * implementation for large shapes (a BLAS) is found with {@link ServiceLoader} — for example the
 * {@code kernels-openblas} module — and chooses per shape. Every implementation gives EJML's
 * results to rounding.
 */
public interface MatrixKernels {

    /** c += a · bᵀ. */
    void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c += aᵀ · b. */
    void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c += a · b. */
    void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a · b. */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** EJML's kernels. */
    MatrixKernels EJML = new MatrixKernels() {
        @Override
        public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            CommonOps_DDRM.multAddTransB(a, b, c);
        }

        @Override
        public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            CommonOps_DDRM.multAddTransA(a, b, c);
        }

        @Override
        public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            CommonOps_DDRM.multAdd(a, b, c);
        }

        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            CommonOps_DDRM.mult(a, b, c);
        }
    };

    /**
     * Plain-Java loops in the order row-major storage favours (c's rows updated by a multiple of
     * b's rows, which the JIT vectorises), for small products, where EJML's general kernels lose
     * more to index arithmetic and strided access than they gain; EJML's for the rest.
     */
    MatrixKernels JAVA = new MatrixKernels() {
        /** Multiply-adds from which EJML's kernels take over. */
        private static final long SMALL = 32 * 32 * 32;

        /** Whether these loops take an m × k × n product whose operands fit (else EJML checks and does it). */
        private boolean serves(int m, int k, int n, boolean shapesFit) {
            return shapesFit && (long) m * n * k < SMALL;
        }

        @Override
        public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            int m = a.numRows;
            int k = a.numCols;
            int n = b.numRows;
            if (!serves(m, k, n, b.numCols == k && c.numRows == m && c.numCols == n)) {
                EJML.multAddTransB(a, b, c);
                return;
            }
            double[] ad = a.data;
            double[] bd = b.data;
            double[] cd = c.data;
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += ad[ai + p] * bd[bj + p];
                    }
                    cd[ci + j] += sum;
                }
            }
        }

        @Override
        public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            int k = a.numRows;
            int m = a.numCols;
            int n = b.numCols;
            if (!serves(m, k, n, b.numRows == k && c.numRows == m && c.numCols == n)) {
                EJML.multAddTransA(a, b, c);
                return;
            }
            double[] ad = a.data;
            double[] bd = b.data;
            double[] cd = c.data;
            if (n < m) {
                // Columns of c in the inner loop, whichever is longer: a weight gradient stacked over
                // many steps (k) for one output unit (n = 1) would otherwise run m loops of one.
                for (int p = 0; p < k; p++) {
                    int ap = p * m;
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        double v = bd[bp + j];
                        if (v != 0) {
                            for (int i = 0; i < m; i++) {
                                cd[i * n + j] += ad[ap + i] * v;
                            }
                        }
                    }
                }
                return;
            }
            for (int p = 0; p < k; p++) {
                int ap = p * m;
                int bp = p * n;
                for (int i = 0; i < m; i++) {
                    double v = ad[ap + i];
                    if (v != 0) {
                        int ci = i * n;
                        for (int j = 0; j < n; j++) {
                            cd[ci + j] += v * bd[bp + j];
                        }
                    }
                }
            }
        }

        @Override
        public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            if (!servesProduct(a, b, c)) {
                EJML.multAdd(a, b, c);
                return;
            }
            addProduct(a, b, c);
        }

        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            if (!servesProduct(a, b, c)) {
                EJML.mult(a, b, c);
                return;
            }
            java.util.Arrays.fill(c.data, 0, a.numRows * b.numCols, 0.0);
            addProduct(a, b, c);
        }

        private boolean servesProduct(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            return serves(a.numRows, a.numCols, b.numCols,
                    b.numRows == a.numCols && c.numRows == a.numRows && c.numCols == b.numCols);
        }

        private void addProduct(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            int m = a.numRows;
            int k = a.numCols;
            int n = b.numCols;
            double[] ad = a.data;
            double[] bd = b.data;
            double[] cd = c.data;
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    double v = ad[ai + p];
                    if (v != 0) {
                        int bp = p * n;
                        for (int j = 0; j < n; j++) {
                            cd[ci + j] += v * bd[bp + j];
                        }
                    }
                }
            }
        }
    };

    /**
     * Caps the threads one product may use, for hosts that already run one computation per core
     * (Spark's tasks), where a BLAS's own threads would only compete for the same cores. Kernels
     * that compute on the calling thread alone ignore it.
     */
    default void useThreads(int threads) {
    }

    /** The kernels to use: the first implementation on the class path that works, else {@link #JAVA}. */
    static MatrixKernels best() {
        return Best.KERNELS;
    }

    /** Found once: which kernels exist does not change while the JVM runs. */
    final class Best {
        static final MatrixKernels KERNELS = find();

        private Best() {
        }

        private static MatrixKernels find() {
            try {
                for (MatrixKernels kernels : ServiceLoader.load(MatrixKernels.class, MatrixKernels.class.getClassLoader())) {
                    return kernels;
                }
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                // a BLAS that cannot load on this machine: EJML's kernels always work
            }
            return JAVA;
        }
    }
}
