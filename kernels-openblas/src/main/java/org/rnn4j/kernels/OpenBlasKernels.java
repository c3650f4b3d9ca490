package org.rnn4j.kernels;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.graph.MatrixKernels;

/**
 * Products of at least {@value #BLAS_FROM} multiply-adds by OpenBLAS's {@code dgemm}; smaller
 * ones by the pure-Java kernels ({@link MatrixKernels#JAVA}), whose per-call cost is lower (measured: a 1 × 8 × 8 product takes 0.07 µs in
 * EJML and 0.4 µs through JNI; a 32 × 256 × 256 one 2.3 ms in EJML and 0.34 ms in OpenBLAS).
 * Loading OpenBLAS fails on a platform it was not bundled for; the framework then keeps EJML's.
 */
public final class OpenBlasKernels implements MatrixKernels {

    /** Multiply-adds from which a product goes to OpenBLAS. */
    static final long BLAS_FROM = 4096;

    public OpenBlasKernels() {
        // Load the native library now, so that a platform without it fails at discovery, not mid-run.
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 1.0, new double[1], 1, new double[1], 1, 0.0,
                new double[1], 1);
    }

    @Override
    public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        check(b.numCols == k && c.numRows == m && c.numCols == n);
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransB(a, b, c);
        } else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0, a.data, k, b.data, k, 1.0, c.data, n);
        }
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        check(b.numRows == k && c.numRows == m && c.numCols == n);
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransA(a, b, c);
        } else {
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, n, k, 1.0, a.data, m, b.data, n, 1.0, c.data, n);
        }
    }

    @Override
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm(a, b, c, 1.0);
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm(a, b, c, 0.0);
    }

    private static void gemm(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, double beta) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        check(b.numRows == k && c.numRows == m && c.numCols == n);
        if ((long) m * n * k < BLAS_FROM) {
            if (beta == 0) {
                JAVA.mult(a, b, c);
            } else {
                JAVA.multAdd(a, b, c);
            }
        } else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a.data, k, b.data, n, beta, c.data, n);
        }
    }

    private static void check(boolean shapesFit) {
        if (!shapesFit) {
            throw new IllegalArgumentException("matrix shapes do not fit the product");
        }
    }
}
