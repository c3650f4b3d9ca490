package org.rnn4j.api.graph;

import java.util.ServiceLoader;
import org.ejml.data.DMatrixRMaj;

/**
 * The matrix products a network step is made of, on row-major storage. Each product comes in
 * two forms: on EJML matrices, and on row-major blocks at an offset in a larger array (so that a
 * network can keep the steps of a whole sequence in one array and multiply any run of its rows).
 * The pure-Java kernels ({@link #JAVA}: tight loops for small shapes, EJML's for larger) always
 * work; a faster implementation for large shapes (a BLAS) is found with {@link ServiceLoader} —
 * for example the {@code kernels-openblas} module — and chooses per shape. Every implementation
 * gives EJML's results to rounding.
 */
public interface MatrixKernels {

    /** c += a · bᵀ, for a m × k, b n × k and c m × n starting at the given offsets. */
    void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset);

    /** c += aᵀ · b, for a k × m, b k × n and c m × n starting at the given offsets. */
    void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset);

    /** c += a · b, for a m × k, b k × n and c m × n starting at the given offsets. */
    void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset);

    /**
     * A matrix that stays the same over many products — a weight matrix over the steps of a
     * window — held as these kernels want it (a BLAS: a copy in native memory, in its precision),
     * made by {@link #hold}. Valid until the values it was made from change.
     */
    interface Held {
    }

    /** The default {@link Held}: the array itself. */
    record HeldArray(double[] values, int offset) implements Held {
    }

    /**
     * {@code values[offset … offset + length − 1]} held for the products that take a {@link Held}
     * operand; {@code reuse}, one these kernels made before (or null), may be refilled instead of a
     * new one made. By default the array itself, not copied.
     */
    default Held hold(double[] values, int offset, int length, Held reuse) {
        return new HeldArray(values, offset);
    }

    /** c += a · bᵀ, b held by {@link #hold} (n × k). */
    default void multAddTransB(int m, int n, int k, double[] a, int aOffset, Held b, double[] c, int cOffset) {
        HeldArray array = (HeldArray) b;
        multAddTransB(m, n, k, a, aOffset, array.values(), array.offset(), c, cOffset);
    }

    /** c += a · b, b held by {@link #hold} (k × n). */
    default void multAdd(int m, int n, int k, double[] a, int aOffset, Held b, double[] c, int cOffset) {
        HeldArray array = (HeldArray) b;
        multAdd(m, n, k, a, aOffset, array.values(), array.offset(), c, cOffset);
    }

    /** c += a · bᵀ. */
    default void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(b.numCols == a.numCols && c.numRows == a.numRows && c.numCols == b.numRows);
        multAddTransB(a.numRows, b.numRows, a.numCols, a.data, 0, b.data, 0, c.data, 0);
    }

    /** c += aᵀ · b. */
    default void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(b.numRows == a.numRows && c.numRows == a.numCols && c.numCols == b.numCols);
        multAddTransA(a.numCols, b.numCols, a.numRows, a.data, 0, b.data, 0, c.data, 0);
    }

    /** c += a · b. */
    default void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(b.numRows == a.numCols && c.numRows == a.numRows && c.numCols == b.numCols);
        multAdd(a.numRows, b.numCols, a.numCols, a.data, 0, b.data, 0, c.data, 0);
    }

    /** c = a · b. */
    default void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(b.numRows == a.numCols && c.numRows == a.numRows && c.numCols == b.numCols);
        java.util.Arrays.fill(c.data, 0, c.numRows * c.numCols, 0.0);
        multAdd(a.numRows, b.numCols, a.numCols, a.data, 0, b.data, 0, c.data, 0);
    }

    private static void check(boolean shapesFit) {
        if (!shapesFit) {
            throw new IllegalArgumentException("matrix shapes do not fit the product");
        }
    }

    /** EJML's kernels (blocks at an offset are copied into matrices of their own first). */
    MatrixKernels EJML = new EjmlKernels();

    /**
     * Plain-Java loops that read both operands along their rows, for small products, where EJML's
     * general kernels lose more to index arithmetic and strided access than they gain; EJML's for
     * the rest.
     */
    MatrixKernels JAVA = new JavaKernels();

    /**
     * These products in single precision: each operand rounded to {@code float}, multiplied and
     * summed in {@code float}, the product added to {@code c} in {@code double} — for networks whose
     * passes may lose digits for speed ({@code rnn4j.precision = single}). By default plain-Java
     * loops (correct, not fast); a BLAS gives its {@code sgemm}.
     */
    default MatrixKernels single() {
        return SingleKernels.INSTANCE;
    }

    /**
     * Caps the threads one product may use, for hosts that already run one computation per core
     * (Spark's tasks), where a BLAS's own threads would only compete for the same cores — or raises
     * it, for a host's own large products. A BLAS's count is usually the process's; OpenBLAS's kernels
     * start at one unless {@code OPENBLAS_NUM_THREADS} is set, since a trainer's threads are the
     * parallelism. Kernels that compute on the calling thread alone ignore it.
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
