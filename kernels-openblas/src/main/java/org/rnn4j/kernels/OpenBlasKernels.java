package org.rnn4j.kernels;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.graph.MatrixKernels;

/**
 * Products of at least {@value #BLAS_FROM} multiply-adds by OpenBLAS's {@code dgemm}; smaller
 * ones by the pure-Java kernels ({@link MatrixKernels#JAVA}), whose per-call cost is lower (measured: a 1 × 8 × 8 product takes 0.07 µs in
 * EJML and 0.4 µs through JNI; a 32 × 256 × 256 one 2.3 ms in EJML and 0.34 ms in OpenBLAS).
 * Loading OpenBLAS fails on a platform it was not bundled for; the framework then keeps EJML's.
 *
 * <p>The operands go to OpenBLAS in native buffers of our own, not as Java arrays: JavaCPP's
 * array overloads copy every array in and back out, through a fresh native allocation, on every
 * call, where only a, b and the c to add to need copying in and only c out.
 *
 * <p>An operand that is mostly zeros (one-hot inputs, in the forward product and the input
 * weights' gradient) is multiplied by loops that skip its zeros: a one-hot row costs one column
 * of the other operand instead of a dense product.
 */
public final class OpenBlasKernels implements MatrixKernels {

    /** Multiply-adds from which a product goes to OpenBLAS. */
    static final long BLAS_FROM = 4096;

    /** Fraction of non-zeros below which an operand's zeros are skipped instead of multiplied. */
    static final double SPARSE_BELOW = 0.125;

    /** Per thread: one kernels object serves every network in the JVM, and each thread its own products. */
    private final ThreadLocal<Operands> operands = ThreadLocal.withInitial(Operands::new);

    public OpenBlasKernels() {
        // Load the native library now, so that a platform without it fails at discovery, not mid-run.
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 1.0, new double[1], 1, new double[1], 1, 0.0,
                new double[1], 1);
    }

    /** OpenBLAS's thread count is the process's: this sets it for every caller. */
    @Override
    public void useThreads(int threads) {
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    @Override
    public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        check(b.numCols == k && c.numRows == m && c.numCols == n);
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransB(a, b, c);
        } else if (mostlyZeros(a.data, m * k)) {
            addSparseTimesTransposed(a, b, c);
        } else {
            dgemm(false, true, m, n, k, a, b, c, 1.0);
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
        } else if (mostlyZeros(b.data, k * n)) {
            addTransposedTimesSparse(a, b, c);
        } else {
            dgemm(true, false, m, n, k, a, b, c, 1.0);
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

    private void gemm(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, double beta) {
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
            dgemm(false, false, m, n, k, a, b, c, beta);
        }
    }

    /** c = op(a) · op(b) + beta · c, row-major, c being m × n and the inner dimension k. */
    private void dgemm(boolean transA, boolean transB, int m, int n, int k, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c,
                       double beta) {
        Operands buffers = operands.get();
        DoublePointer na = buffers.a.holding(a.data, m * k);
        DoublePointer nb = buffers.b.holding(b.data, k * n);
        DoublePointer nc = beta == 0 ? buffers.c.sized(m * n) : buffers.c.holding(c.data, m * n);
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1.0,
                na, transA ? m : k, nb, transB ? k : n, beta, nc, n);
        buffers.c.buffer.get(0, c.data, 0, m * n);
    }

    /** Whether fewer than {@link #SPARSE_BELOW} of the first {@code length} values are non-zero; stops early when not. */
    static boolean mostlyZeros(double[] values, int length) {
        int limit = (int) (length * SPARSE_BELOW);
        int nonZeros = 0;
        for (int i = 0; i < length; i++) {
            if (values[i] != 0 && ++nonZeros > limit) {
                return false;
            }
        }
        return true;
    }

    /** c += a · bᵀ, visiting only a's non-zeros: each adds a multiple of one column of bᵀ to a row of c. */
    private static void addSparseTimesTransposed(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double v = a.data[i * k + p];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        c.data[i * n + j] += v * b.data[j * k + p];
                    }
                }
            }
        }
    }

    /** c += aᵀ · b, visiting only b's non-zeros: each adds a multiple of one row of a to a column of c. */
    private static void addTransposedTimesSparse(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < n; q++) {
                double v = b.data[p * n + q];
                if (v != 0) {
                    for (int i = 0; i < m; i++) {
                        c.data[i * n + q] += a.data[p * m + i] * v;
                    }
                }
            }
        }
    }

    private static void check(boolean shapesFit) {
        if (!shapesFit) {
            throw new IllegalArgumentException("matrix shapes do not fit the product");
        }
    }

    /** A thread's native copies of a, b and c. */
    private static final class Operands {
        final NativeArray a = new NativeArray();
        final NativeArray b = new NativeArray();
        final NativeArray c = new NativeArray();
    }

    /** Native memory for doubles, grown when too small and otherwise reused (freed by JavaCPP once unreachable). */
    private static final class NativeArray {
        DoublePointer pointer;
        DoubleBuffer buffer;

        DoublePointer sized(int length) {
            if (pointer == null || pointer.capacity() < length) {
                pointer = new DoublePointer(Math.max(length, 2 * (pointer == null ? 0 : pointer.capacity())));
                buffer = pointer.asBuffer();
            }
            return pointer;
        }

        /** A native copy of {@code values[0 … length − 1]}. */
        DoublePointer holding(double[] values, int length) {
            DoublePointer target = sized(length);
            buffer.put(0, values, 0, length);
            return target;
        }
    }
}
