package org.rnn4j.api.graph;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * {@link MatrixKernels#EJML}: EJML's products. EJML's matrices start at index 0, so blocks at an
 * offset are copied into per-thread matrices of their own (grown when too small, then reused)
 * and c copied back: a cost linear in the operands, small next to a product large enough to be
 * given to EJML.
 */
final class EjmlKernels implements MatrixKernels {

    /** Per thread: one kernels object serves every network in the JVM. */
    private final ThreadLocal<DMatrixRMaj[]> operands =
            ThreadLocal.withInitial(() -> new DMatrixRMaj[] {new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)});

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

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        DMatrixRMaj[] x = operands.get();
        CommonOps_DDRM.multAddTransB(copy(a, aOffset, m, k, x[0]), copy(b, bOffset, n, k, x[1]), copy(c, cOffset, m, n, x[2]));
        System.arraycopy(x[2].data, 0, c, cOffset, m * n);
    }

    @Override
    public void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        DMatrixRMaj[] x = operands.get();
        CommonOps_DDRM.multAddTransA(copy(a, aOffset, k, m, x[0]), copy(b, bOffset, k, n, x[1]), copy(c, cOffset, m, n, x[2]));
        System.arraycopy(x[2].data, 0, c, cOffset, m * n);
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        DMatrixRMaj[] x = operands.get();
        CommonOps_DDRM.multAdd(copy(a, aOffset, m, k, x[0]), copy(b, bOffset, k, n, x[1]), copy(c, cOffset, m, n, x[2]));
        System.arraycopy(x[2].data, 0, c, cOffset, m * n);
    }

    private static DMatrixRMaj copy(double[] values, int offset, int rows, int cols, DMatrixRMaj target) {
        target.reshape(rows, cols);
        System.arraycopy(values, offset, target.data, 0, rows * cols);
        return target;
    }
}
