package org.rnn4j.api.graph;

import java.util.ServiceLoader;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrix products a network step is made of, on row-major EJML matrices. EJML's own kernels
 * ({@link #EJML}) always work and serve small shapes best; a faster implementation for large
 * shapes (a BLAS) is found with {@link ServiceLoader} — for example the {@code kernels-openblas}
 * module — and chooses per shape. Every implementation gives EJML's results to rounding.
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

    /** The kernels to use: the first implementation on the class path that works, else {@link #EJML}. */
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
            return EJML;
        }
    }
}
