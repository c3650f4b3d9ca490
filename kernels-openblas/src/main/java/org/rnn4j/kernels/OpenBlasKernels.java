package org.rnn4j.kernels;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * weights' gradient) is multiplied by {@link SparseProducts}' loops, which skip its zeros.
 */
public final class OpenBlasKernels implements MatrixKernels {

    /**
     * What sets OpenBLAS's threads per product. Unset, they are one: rnn4j's parallelism is its own
     * threads, a chunk of rows each ({@code rnn4j.trainer.threads}), and OpenBLAS's threads on top of
     * them would compete for the same cores — measured with OpenBLAS's default (every core), workload
     * (b) on 2 threads took 72 ms a batch in double instead of 37, 32 instead of 19 in single
     * (docs/performance.md, eighth round). Set, it is the user's choice.
     */
    static final String THREADS_VARIABLE = "OPENBLAS_NUM_THREADS";

    /** Multiply-adds from which a product goes to OpenBLAS. */
    static final long BLAS_FROM = 4096;

    /**
     * Multiply-adds below which a product {@link FusedProducts} covers may run there instead of in
     * OpenBLAS: two threads' small products in OpenBLAS at once wait on each other for longer than
     * this takes in Java (see {@link FusedProducts}).
     */
    static final long FUSED_BELOW = 4 * BLAS_FROM;

    /** How long the thread whose small products go to OpenBLAS keeps that without using it. */
    private static final long LEASE_NANOS = 100_000_000;

    /**
     * Products a holder sends to OpenBLAS before it hands OpenBLAS on, if another thread asked: threads
     * take turns, so that none does all its products in the slower Java loop while the other waits for
     * it at the end of a round (measured on (d), two threads: 1.135 → 1.106 and 1.191 → 1.142 ms).
     */
    private static final int HAND_ON_EVERY = 64;

    /** How long the thread that handed OpenBLAS on waits before it takes it back (when no other thread asked). */
    private static final long TAKE_BACK_NANOS = 2_000;

    /** Whether OpenBLAS's products of the shapes {@link FusedProducts} covers are its numbers, bit for bit (tried at load). */
    private final boolean fusedSameAsBlas;

    /** Whether small products {@link VectorProducts} covers may run there, on every thread (see {@link #vectorsHere()}). */
    private final boolean vectors;

    /**
     * Per product shape (transposes and m, n, k), whether {@link VectorProducts} gives OpenBLAS's
     * numbers, tried on the shape's first product: OpenBLAS's kernels sum some shapes as the vector
     * loop does and others not (Cooperlake's c += a · bᵀ of 16 × 8 × 32, say), so the vector loop takes
     * only those it is tried equal on. Open addressing; 0 is empty, else (key &lt;&lt; 1 | verdict) + 1.
     */
    private final AtomicLongArray vectorVerdicts = new AtomicLongArray(VERDICTS);

    /** Shapes whose verdict is kept; a run multiplies a handful, and any beyond stay in OpenBLAS. */
    private static final int VERDICTS = 64;

    /** {@link #LEASE_NANOS}, but for tests. */
    private final long leaseNanos;

    /**
     * The one thread whose small products go to OpenBLAS; other threads' run in {@link FusedProducts}
     * (same numbers), so that no two wait on each other inside OpenBLAS. The first to ask takes it;
     * after {@value #HAND_ON_EVERY} products it hands it on if another thread asked meanwhile (else
     * keeps it), and another takes it over once the holder has not used it for {@link #LEASE_NANOS}.
     * Written a few times a round, so reading it costs the other threads little cache traffic.
     */
    private volatile Thread smallProductsThread;

    /** When {@link #smallProductsThread} took OpenBLAS or last said it still multiplies (every {@value #HAND_ON_EVERY} products). */
    private volatile long smallProductsSeen;

    /** Whether another thread asked for OpenBLAS while it was held: written once a turn, not on every ask. */
    private volatile boolean wanted;

    /** The thread that last handed OpenBLAS on, and when. */
    private volatile Thread handedOnBy;
    private volatile long handedOnAt;

    /** Per thread: one kernels object serves every network in the JVM, and each thread its own products. */
    private final ThreadLocal<Operands> operands = ThreadLocal.withInitial(Operands::new);

    private final SparseProducts sparse = new SparseProducts();

    public OpenBlasKernels() {
        this(LEASE_NANOS, true);
    }

    /**
     * With another lease (tests make it long, so that the thread they make hold OpenBLAS keeps it),
     * and {@link VectorProducts} used where the JVM and CPU allow, or not (tests of the holder).
     */
    OpenBlasKernels(long leaseNanos, boolean vectors) {
        this.leaseNanos = leaseNanos;
        // Load the native library now, so that a platform without it fails at discovery, not mid-run.
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 1.0, new double[1], 1, new double[1], 1, 0.0,
                new double[1], 1);
        if (System.getenv(THREADS_VARIABLE) == null) {
            useThreads(1);
        }
        fusedSameAsBlas = fusedSameAsBlas();
        this.vectors = vectors && vectorsHere();
    }

    /**
     * Whether {@link VectorProducts} can run here: the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (checked before the class, which needs the module, is
     * loaded) and the CPU has 256-bit vectors.
     */
    static boolean vectorsHere() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorProducts.fitThisCpu();
    }

    /** Whether small products {@link VectorProducts} covers may run there, on every thread, where tried equal (tests read it). */
    boolean usesVectors() {
        return vectors;
    }

    /** The kernels and where their small products run (compare.sh prints it). */
    @Override
    public String toString() {
        return "OpenBLAS, small products " + (vectors ? "in the vector API on every thread where it gives OpenBLAS's numbers"
                : fusedSameAsBlas ? "in OpenBLAS on one thread at a time, in FusedProducts on the others" : "in OpenBLAS");
    }

    /** Whether {@link FusedProducts} stands in for OpenBLAS on threads other than the holder (tests read it). */
    boolean mayFuse() {
        return fusedSameAsBlas;
    }

    /**
     * Whether the loaded OpenBLAS kernel sums as {@link FusedProducts} does: products of shapes it
     * covers, every transpose, random operands (some zeros and −0 among them), compared bit for bit.
     * A kernel that orders its sums otherwise (OpenBLAS's AVX-512 ones) differs.
     */
    private boolean fusedSameAsBlas() {
        Random random = new Random(17);
        int[][] shapes = {{16, 16, 16}, {4, 4, 1}, {8, 4, 3}, {4, 12, 256}, {12, 20, 7}, {32, 16, 33}, {4, 32, 255}, {28, 8, 100}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (int transposed = 0; transposed < 3; transposed++) {
                boolean transA = transposed == 1;
                boolean transB = transposed == 2;
                double[] a = probeValues(random, m * k);
                double[] b = probeValues(random, k * n);
                double[] viaBlas = probeValues(random, m * n);
                double[] viaJava = viaBlas.clone();
                blas(transA, transB, m, n, k, a, 0, b, 0, viaBlas);
                FusedProducts.multAdd(transA, transB, m, n, k, a, 0, b, 0, viaJava, 0);
                if (!Arrays.equals(viaBlas, viaJava)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The thread whose small products go to OpenBLAS, or null before the first (tests read it). */
    Thread smallProductsThread() {
        return smallProductsThread;
    }

    /** Whether this thread is (or now becomes) the one whose small products go to OpenBLAS. */
    private boolean mayUseBlasForSmall() {
        Thread me = Thread.currentThread();
        Thread holder = smallProductsThread;
        if (holder == me) {
            if (++operands.get().smallProducts % HAND_ON_EVERY == 0) {
                if (wanted) {
                    wanted = false;
                    handedOnAt = System.nanoTime();
                    handedOnBy = me;
                    smallProductsThread = null;  // this product still goes to OpenBLAS; the next asker's too
                } else {
                    smallProductsSeen = System.nanoTime();  // still multiplying: the lease runs on
                }
            }
            return true;
        }
        long now = System.nanoTime();
        boolean free = holder == null
                ? handedOnBy != me || now - handedOnAt > TAKE_BACK_NANOS  // handed on: another asker first
                : now - smallProductsSeen > leaseNanos;                    // held by a thread gone idle
        if (free) {
            smallProductsSeen = now;
            smallProductsThread = me;
            return true;
        }
        if (!wanted) {
            wanted = true;
        }
        return false;
    }

    /**
     * Whether {@link VectorProducts} gives OpenBLAS's numbers for this shape: the verdict kept, or, on
     * the shape's first product, found by multiplying random operands (zeros and −0 among them) both
     * ways and comparing bit for bit. Two threads may try the same shape at once: same verdict.
     */
    boolean vectorsSameAsBlas(boolean transA, boolean transB, int m, int n, int k) {
        long key = (((long) m * FUSED_BELOW + n) * FUSED_BELOW + k) * 4 + (transA ? 2 : 0) + (transB ? 1 : 0);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 58);  // 6 bits: VERDICTS slots
        for (int probe = 0; probe < VERDICTS; probe++, slot = (slot + 1) % VERDICTS) {
            long entry = vectorVerdicts.get(slot);
            if (entry == 0) {
                boolean same = vectorsTriedEqual(key, transA, transB, m, n, k);
                vectorVerdicts.compareAndSet(slot, 0, (key << 1 | (same ? 1 : 0)) + 1);
                return same;
            }
            if ((entry - 1) >>> 1 == key) {
                return ((entry - 1) & 1) == 1;
            }
        }
        return false;  // every slot taken: OpenBLAS
    }

    private boolean vectorsTriedEqual(long seed, boolean transA, boolean transB, int m, int n, int k) {
        Random random = new Random(seed);
        double[] a = probeValues(random, m * k);
        double[] b = probeValues(random, k * n);
        double[] viaBlas = probeValues(random, m * n);
        double[] viaVectors = viaBlas.clone();
        blas(transA, transB, m, n, k, a, 0, b, 0, viaBlas);
        double[] rows = b;  // b as k × n rows, as VectorProducts takes it
        if (transB) {
            rows = new double[k * n];
            SparseProducts.transpose(n, k, b, 0, rows, 0);
        }
        VectorProducts.multAdd(transA, m, n, k, a, 0, rows, 0, viaVectors, 0);
        return Arrays.equals(viaBlas, viaVectors);
    }

    /** c += op(a) · op(b) by OpenBLAS, whatever the shape and whoever else is in it (the probe and tests). */
    void blas(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c) {
        dgemm(transA, transB, m, n, k, a, aOffset, b, bOffset, c, 0, 1.0);
    }

    private static double[] probeValues(Random random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            values[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
        }
        return values;
    }

    /** The same products in single precision, by {@code sgemm}: one instance, as this one. */
    private final OpenBlasSingleKernels single = new OpenBlasSingleKernels(this);

    @Override
    public MatrixKernels single() {
        return single;
    }

    /** OpenBLAS's thread count is the process's: this sets it for every caller. */
    @Override
    public void useThreads(int threads) {
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransB(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else if (!sparseTimesTransposed(m, n, k, a, aOffset, b, bOffset, null, c, cOffset)) {
            blasOrFused(false, true, m, n, k, a, aOffset, b, bOffset, null, c, cOffset);
        }
    }

    @Override
    public void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransA(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else if (!transposedTimesSparse(m, n, k, a, aOffset, b, bOffset, c, cOffset)) {
            blasOrFused(true, false, m, n, k, a, aOffset, b, bOffset, null, c, cOffset);
        }
    }

    /**
     * c += a · bᵀ by {@link SparseProducts} if a is mostly zeros — through the transpose of b when b
     * is {@code held} (else null) and a has more non-zeros than b has columns — else false, c untouched.
     */
    boolean sparseTimesTransposed(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset,
                                  HeldMatrix held, double[] c, int cOffset) {
        SparseProducts.Scratch nonZeros = sparse.nonZeros(a, aOffset, m * k);
        if (nonZeros == null) {
            return false;
        }
        if (held != null && nonZeros.count >= k) {
            SparseProducts.timesTransposed(n, k, a, aOffset, nonZeros, held.transposed(n, k), c, cOffset);
        } else {
            SparseProducts.timesTransposed(n, k, a, aOffset, nonZeros, b, bOffset, c, cOffset);
        }
        return true;
    }

    /** c += aᵀ · b by {@link SparseProducts} if b is mostly zeros, else false, c untouched. */
    boolean transposedTimesSparse(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c,
                                  int cOffset) {
        SparseProducts.Scratch nonZeros = sparse.nonZeros(b, bOffset, k * n);
        if (nonZeros == null) {
            return false;
        }
        SparseProducts.transposedTimes(m, n, a, aOffset, b, bOffset, nonZeros, c, cOffset);
        return true;
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAdd(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else {
            blasOrFused(false, false, m, n, k, a, aOffset, b, bOffset, null, c, cOffset);
        }
    }

    /** c = a · b: without copying c in first (RTRL's J · P, whose c is the largest operand). */
    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if ((long) m * n * k < BLAS_FROM || b.numRows != k || c.numRows != m || c.numCols != n) {
            MatrixKernels.super.mult(a, b, c);  // small, or shapes that do not fit: the default checks and says so
        } else {
            dgemm(false, false, m, n, k, a.data, 0, b.data, 0, c.data, 0, 0.0);
        }
    }

    /** A held matrix, with its native copy for OpenBLAS's products. */
    private static final class Held extends HeldMatrix {
        final NativeArray copy = new NativeArray();
    }

    @Override
    public MatrixKernels.Held hold(double[] values, int offset, int length, MatrixKernels.Held reuse) {
        Held held = reuse instanceof Held mine ? mine : new Held();
        held.holding(values, offset);
        held.copy.holding(values, offset, length);
        return held;
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, MatrixKernels.Held b, double[] c, int cOffset) {
        Held held = (Held) b;
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAddTransB(m, n, k, a, aOffset, held.values, held.offset, c, cOffset);
        } else if (!sparseTimesTransposed(m, n, k, a, aOffset, held.values, held.offset, held, c, cOffset)) {
            blasOrFused(false, true, m, n, k, a, aOffset, held.values, held.offset, held, c, cOffset);
        }
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, MatrixKernels.Held b, double[] c, int cOffset) {
        Held held = (Held) b;
        if ((long) m * n * k < BLAS_FROM) {
            JAVA.multAdd(m, n, k, a, aOffset, held.values, held.offset, c, cOffset);
        } else {
            blasOrFused(false, false, m, n, k, a, aOffset, held.values, held.offset, held, c, cOffset);
        }
    }

    /**
     * c += op(a) · op(b) by OpenBLAS (b {@code held}, with its native copy, or null) — or, where that
     * gives the same numbers: a small product by {@link VectorProducts} on any thread (b as k × n rows:
     * not transposed, or held, whose transpose is kept), else by {@link FusedProducts} on any thread but
     * the one small products go to OpenBLAS from.
     */
    private void blasOrFused(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b,
                             int bOffset, Held held, double[] c, int cOffset) {
        boolean small = (long) m * n * k < FUSED_BELOW;
        if (small && vectors && VectorProducts.covers(m, n, k) && (!transB || held != null)
                && vectorsSameAsBlas(transA, transB, m, n, k)) {
            if (transB) {
                VectorProducts.multAdd(transA, m, n, k, a, aOffset, held.transposed(n, k), 0, c, cOffset);
            } else {
                VectorProducts.multAdd(transA, m, n, k, a, aOffset, b, bOffset, c, cOffset);
            }
        } else if (small && fusedSameAsBlas && FusedProducts.covers(m, n, k) && !mayUseBlasForSmall()) {
            FusedProducts.multAdd(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset);
        } else if (held == null) {
            dgemm(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, 1.0);
        } else {
            Operands buffers = operands.get();
            DoublePointer na = buffers.a.holding(a, aOffset, m * k);
            DoublePointer nc = buffers.c.holding(c, cOffset, m * n);
            dgemm(transA, transB, m, n, k, na, held.copy.pointer, nc, 1.0);
            buffers.c.buffer.get(0, c, cOffset, m * n);
        }
    }

    /** c = op(a) · op(b) + beta · c, row-major, c being m × n and the inner dimension k. */
    private void dgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset,
                       double[] c, int cOffset, double beta) {
        Operands buffers = operands.get();
        DoublePointer na = buffers.a.holding(a, aOffset, m * k);
        DoublePointer nb = buffers.b.holding(b, bOffset, k * n);
        DoublePointer nc = beta == 0 ? buffers.c.sized(m * n) : buffers.c.holding(c, cOffset, m * n);
        dgemm(transA, transB, m, n, k, na, nb, nc, beta);
        buffers.c.buffer.get(0, c, cOffset, m * n);
    }

    /** OpenBLAS's c = op(a) · op(b) + beta · c on native copies. */
    private static void dgemm(boolean transA, boolean transB, int m, int n, int k, DoublePointer na, DoublePointer nb,
                              DoublePointer nc, double beta) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1.0,
                na, transA ? m : k, nb, transB ? k : n, beta, nc, n);
    }

    /** A thread's native copies of a, b and c, and its count of small products sent to OpenBLAS. */
    private static final class Operands {
        final NativeArray a = new NativeArray();
        final NativeArray b = new NativeArray();
        final NativeArray c = new NativeArray();
        int smallProducts;
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

        /** A native copy of {@code values[offset … offset + length − 1]}. */
        DoublePointer holding(double[] values, int offset, int length) {
            DoublePointer target = sized(length);
            buffer.put(0, values, offset, length);
            return target;
        }
    }
}
