package org.rnn4j.kernels;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.rnn4j.api.graph.MatrixKernels;

/**
 * {@link OpenBlasKernels#single()}: products of at least {@link OpenBlasKernels#BLAS_FROM}
 * multiply-adds by OpenBLAS's {@code sgemm} — the operands rounded to {@code float} on their way
 * into native memory, the product added back into the {@code double} result — and smaller ones
 * by plain-Java {@code float} loops. Operands that are mostly zeros (one-hot inputs) keep the
 * double kernels' loops that skip them: they cost a column per row, in either precision.
 *
 * <p>A product with fewer rows than columns — a window's step: 16 rows times 256 × 256 weights — goes
 * to {@code sgemm} as its transpose in column-major order, which puts the rows on sgemm's m side and
 * the weights on its n side. Measured: 16 × 256 × 256 took 26 µs that way against 43 µs the other
 * (Haswell kernels; 16 against 29 µs with Cooperlake's), the other way's time half in OpenBLAS's
 * copying of the weights into its panels. A b the product reads as k × n goes in as n × k (a held
 * matrix keeps a transposed copy; an array is transposed as it is converted): the layout measured
 * fastest there (26 against 37 µs), and the same numbers from a held b and an array on every set
 * of kernels. Those numbers are float roundings of the product either way, but not the same ones
 * as the other way's: each shape has its one way, so a product's result depends only on its operands.
 *
 * <p>The conversions cost (b) on one thread about a sixth of its batch (a CPU profile). An operand
 * goes 4,096 values at a time through a float array that stays in the first-level cache, and a
 * product that is not turned round comes back so; a turned-round product is added back row by row,
 * c written in order; a held matrix's transposed copy is written sixteen rows at a time. Measured: from about 16% to about 14% of the batch in them (docs/performance.md,
 * eleventh round).
 */
final class OpenBlasSingleKernels implements MatrixKernels {

    private final OpenBlasKernels doubles;
    private final MatrixKernels small = MatrixKernels.JAVA.single();

    /** Per thread, as {@link OpenBlasKernels}'s. */
    private final ThreadLocal<Operands> operands = ThreadLocal.withInitial(Operands::new);

    OpenBlasSingleKernels(OpenBlasKernels doubles) {
        this.doubles = doubles;
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
            small.multAddTransB(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else if (!doubles.sparseTimesTransposed(m, n, k, a, aOffset, b, bOffset, null, c, cOffset)) {
            sgemm(false, true, m, n, k, a, aOffset, b, bOffset, c, cOffset);
        }
    }

    @Override
    public void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
            small.multAddTransA(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else if (!doubles.transposedTimesSparse(m, n, k, a, aOffset, b, bOffset, c, cOffset)) {
            sgemm(true, false, m, n, k, a, aOffset, b, bOffset, c, cOffset);
        }
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
            small.multAdd(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else {
            sgemm(false, false, m, n, k, a, aOffset, b, bOffset, c, cOffset);
        }
    }

    /** A held matrix, with its native float copy for sgemm's products, and that copy transposed once needed. */
    private static final class Held extends HeldMatrix {
        final NativeFloats copy = new NativeFloats();
        final NativeFloats transposedCopy = new NativeFloats();
        boolean transposedCopyMade;

        @Override
        void holding(double[] values, int offset) {
            super.holding(values, offset);
            transposedCopyMade = false;
        }

        /** The held k × n matrix as n × k floats, made once per hold. */
        FloatPointer transposedCopy(int k, int n, Operands buffers) {
            if (!transposedCopyMade) {
                transposedCopy.holdingTransposed(values, offset, k, n, buffers);
                transposedCopyMade = true;
            }
            return transposedCopy.pointer;
        }
    }

    /** The weights rounded to float once, not on every product: a window's steps all read them. */
    @Override
    public MatrixKernels.Held hold(double[] values, int offset, int length, MatrixKernels.Held reuse) {
        Held held = reuse instanceof Held mine ? mine : new Held();
        held.holding(values, offset);
        held.copy.holding(values, offset, length, operands.get());
        return held;
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, MatrixKernels.Held b, double[] c, int cOffset) {
        Held held = (Held) b;
        if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
            small.multAddTransB(m, n, k, a, aOffset, held.values, held.offset, c, cOffset);
        } else if (!doubles.sparseTimesTransposed(m, n, k, a, aOffset, held.values, held.offset, held, c, cOffset)) {
            sgemm(false, true, m, n, k, a, aOffset, held.copy.pointer, c, cOffset);
        }
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, MatrixKernels.Held b, double[] c, int cOffset) {
        Held held = (Held) b;
        if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
            multAdd(m, n, k, a, aOffset, held.values, held.offset, c, cOffset);
        } else if (turnedRound(m, n)) {
            sgemm(false, true, m, n, k, a, aOffset, held.transposedCopy(k, n, operands.get()), c, cOffset);
        } else {
            sgemm(false, false, m, n, k, a, aOffset, held.copy.pointer, c, cOffset);
        }
    }

    @Override
    public MatrixKernels single() {
        return this;
    }

    @Override
    public void useThreads(int threads) {
        doubles.useThreads(threads);
    }

    /** Whether an m × n product goes to sgemm turned round: in column-major order, its rows on sgemm's m side (see the class comment). */
    private static boolean turnedRound(int m, int n) {
        return m < n;
    }

    /** c += op(a) · op(b), the product in float; row-major, c being m × n and the inner dimension k. */
    private void sgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset,
                       double[] c, int cOffset) {
        Operands buffers = operands.get();
        if (turnedRound(m, n) && !transA && !transB) {
            // b as n × k, as a held b goes in: the same numbers from both (AVX-512's kernels differ between the layouts).
            sgemm(false, true, m, n, k, a, aOffset, buffers.b.holdingTransposed(b, bOffset, k, n, buffers), c, cOffset);
        } else {
            sgemm(transA, transB, m, n, k, a, aOffset, buffers.b.holding(b, bOffset, k * n, buffers), c, cOffset);
        }
    }

    /** As above, b already in native memory as floats. */
    private void sgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, FloatPointer nb,
                       double[] c, int cOffset) {
        Operands buffers = operands.get();
        FloatPointer na = buffers.a.holding(a, aOffset, m * k, buffers);
        FloatPointer nc = buffers.c.sized(m * n);
        if (turnedRound(m, n)) {
            float[] product = buffers.scratch(m * n);
            // c in column-major: each row-major operand read as its transpose, so each transpose flag flips.
            cblas_sgemm(CblasColMajor, transA ? CblasNoTrans : CblasTrans, transB ? CblasNoTrans : CblasTrans, m, n, k, 1.0f,
                    na, transA ? m : k, nb, transB ? k : n, 0.0f, nc, m);
            buffers.c.buffer.get(0, product, 0, m * n);
            for (int i = 0; i < m; i++) {  // row by row: c written in order, the product read across
                int row = cOffset + i * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += product[j * m + i];
                }
            }
        } else {
            cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1.0f,
                    na, transA ? m : k, nb, transB ? k : n, 0.0f, nc, n);
            float[] product = buffers.scratch(Math.min(m * n, Operands.BLOCK));
            for (int from = 0; from < m * n; from += Operands.BLOCK) {
                int length = Math.min(Operands.BLOCK, m * n - from);
                buffers.c.buffer.get(from, product, 0, length);
                for (int i = 0; i < length; i++) {
                    c[cOffset + from + i] += product[i];
                }
            }
        }
    }

    /** A thread's native copies of a, b and the product, and a float array to convert through. */
    private static final class Operands {
        /** Values converted at a time where the order allows: the float array stays in the first-level cache. */
        static final int BLOCK = 4096;

        final NativeFloats a = new NativeFloats();
        final NativeFloats b = new NativeFloats();
        final NativeFloats c = new NativeFloats();
        float[] scratch = new float[0];

        float[] scratch(int length) {
            if (scratch.length < length) {
                scratch = new float[Math.max(length, 2 * scratch.length)];
            }
            return scratch;
        }
    }

    /** Native memory for floats, grown when too small and otherwise reused. */
    private static final class NativeFloats {
        FloatPointer pointer;
        FloatBuffer buffer;

        FloatPointer sized(int length) {
            if (pointer == null || pointer.capacity() < length) {
                pointer = new FloatPointer(Math.max(length, 2 * (pointer == null ? 0 : pointer.capacity())));
                buffer = pointer.asBuffer();
            }
            return pointer;
        }

        /** A native float copy of {@code values[offset … offset + length − 1]}, converted through the thread's scratch. */
        FloatPointer holding(double[] values, int offset, int length, Operands buffers) {
            FloatPointer target = sized(length);
            float[] floats = buffers.scratch(Math.min(length, Operands.BLOCK));
            for (int from = 0; from < length; from += Operands.BLOCK) {
                int block = Math.min(Operands.BLOCK, length - from);
                for (int i = 0; i < block; i++) {
                    floats[i] = (float) values[offset + from + i];
                }
                buffer.put(from, floats, 0, block);
            }
            return target;
        }

        /** As {@link #holding}, the rows × cols matrix at {@code offset} copied as its cols × rows transpose. */
        FloatPointer holdingTransposed(double[] values, int offset, int rows, int cols, Operands buffers) {
            int length = rows * cols;
            FloatPointer target = sized(length);
            float[] floats = buffers.scratch(length);
            // Sixteen rows at a time: each column's sixteen floats written together, not a row's apart.
            for (int i0 = 0; i0 < rows; i0 += 16) {
                int i1 = Math.min(rows, i0 + 16);
                for (int j = 0; j < cols; j++) {
                    for (int i = i0; i < i1; i++) {
                        floats[j * rows + i] = (float) values[offset + i * cols + j];
                    }
                }
            }
            buffer.put(0, floats, 0, length);
            return target;
        }
    }
}
