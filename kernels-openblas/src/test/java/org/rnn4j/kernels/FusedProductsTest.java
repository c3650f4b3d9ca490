package org.rnn4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.api.graph.MatrixKernels;

/**
 * {@link FusedProducts} gives OpenBLAS's AVX2 kernel's numbers bit for bit wherever {@link OpenBlasKernels}
 * may use it instead, so a product's numbers do not depend on which ran it — nor, therefore, on the
 * number of threads. This module's tests run with {@code OPENBLAS_CORETYPE=Haswell} (the pom), so
 * that kernel is the one loaded whatever the machine picks itself.
 */
final class FusedProductsTest {

    private static final OpenBlasKernels KERNELS = new OpenBlasKernels();

    private static double[] random(SplittableRandom random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(16);
            values[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(7) - 3);
        }
        return values;
    }

    /**
     * The kernel's arithmetic is recognised at load. Run elsewhere than by the build (an IDE without
     * the pom's environment, OpenBLAS picking other kernels), this and the tests that need the loop skip.
     */
    @Test
    void theAvx2KernelIsRecognised() {
        assumeTrue("Haswell".equals(System.getenv("OPENBLAS_CORETYPE")), "the pom sets OPENBLAS_CORETYPE=Haswell");
        assertTrue(KERNELS.mayFuse());
    }

    /**
     * Every shape a product may be diverted at (both of c's dimensions multiples of 4, k ≤ 256, from
     * 4,096 multiply-adds — smaller ones never reach OpenBLAS — to {@link OpenBlasKernels#FUSED_BELOW}),
     * all three transposes, at offsets into longer arrays: OpenBLAS's numbers, bit for bit.
     */
    @Test
    void fusedProductsAreOpenBlasNumbersBitForBit() {
        assumeTrue(KERNELS.mayFuse(), "OpenBLAS's AVX2 kernel is not the one loaded");
        SplittableRandom random = new SplittableRandom(11);
        double[] a = random(random, OPERANDS);
        double[] b = random(random, OPERANDS);
        double[] c = random(random, OPERANDS);
        int shapes = eachSmallShape(4, random, (m, n, k, aAt, bAt, cAt) -> {
            for (int transposes = 0; transposes < 3; transposes++) {
                boolean transA = transposes == 1;
                boolean transB = transposes == 2;
                double[] viaBlas = Arrays.copyOfRange(c, cAt, cAt + m * n);
                double[] viaJava = viaBlas.clone();
                KERNELS.blas(transA, transB, m, n, k, a, aAt, b, bAt, viaBlas);
                FusedProducts.multAdd(transA, transB, m, n, k, a, aAt, b, bAt, viaJava, 0);
                if (!Arrays.equals(viaBlas, viaJava)) {
                    assertArrayEquals(viaBlas, viaJava, m + " × " + n + " × " + k + ", transposes " + transposes);
                }
            }
        });
        assertEquals(23_739, shapes, "every shape counted once");
    }

    /** A test at one small shape, its operands at these offsets into arrays of {@value #OPERANDS}. */
    private interface AtShape {
        void test(int m, int n, int k, int aAt, int bAt, int cAt);
    }

    /** The length of the arrays the shape-by-shape tests take their operands from. */
    private static final int OPERANDS = 20_000;

    /**
     * Runs {@code test} at every shape a small product may be diverted at — m a multiple of 4, n of
     * {@code nStep}, k ≤ 256, from 4,096 multiply-adds (smaller ones never reach OpenBLAS) to
     * {@link OpenBlasKernels#FUSED_BELOW} — at random offsets; returns how many shapes.
     */
    private static int eachSmallShape(int nStep, SplittableRandom random, AtShape test) {
        int shapes = 0;
        for (int m = 4; m < OpenBlasKernels.FUSED_BELOW; m += 4) {
            for (int n = nStep; (long) m * n < OpenBlasKernels.FUSED_BELOW; n += nStep) {
                for (int k = 1; k <= FusedProducts.MOST_TERMS && (long) m * n * k < OpenBlasKernels.FUSED_BELOW; k++) {
                    if ((long) m * n * k < OpenBlasKernels.BLAS_FROM) {
                        continue;
                    }
                    int aAt = random.nextInt(OPERANDS - m * k);
                    int bAt = random.nextInt(OPERANDS - k * n);
                    int cAt = random.nextInt(OPERANDS - m * n);
                    test.test(m, n, k, aAt, bAt, cAt);
                    shapes++;
                }
            }
        }
        return shapes;
    }

    /**
     * On a thread other than the one small products go to OpenBLAS from, products go where
     * {@link FusedProducts#covers} says and give OpenBLAS's numbers — shapes it does not cover stay in
     * OpenBLAS: c's rows of odd length or k over 256 (where OpenBLAS sums otherwise), or a dimension
     * not a multiple of 4 (the Java loop's blocks).
     */
    @Test
    void productsOffTheOpenBlasThreadChangeNoNumber() throws Exception {
        assumeTrue(KERNELS.mayFuse(), "OpenBLAS's AVX2 kernel is not the one loaded");
        OpenBlasKernels kernels = new OpenBlasKernels(Long.MAX_VALUE, false);  // the thread below keeps OpenBLAS
        Thread holder = new Thread(() -> products(kernels, 1));
        holder.start();
        holder.join();
        productsAreOpenBlasNumbers(kernels);
        assertSame(holder, kernels.smallProductsThread(), "this thread's products were not OpenBLAS's");
    }

    /**
     * With the vector API (the build runs tests with it), small products of the shapes
     * {@link VectorProducts} covers run there on every thread — none takes OpenBLAS for them — and give
     * OpenBLAS's numbers; others go where they went without it.
     */
    @Test
    void smallProductsRunInVectorsOnEveryThread() throws Exception {
        assumeTrue(KERNELS.mayFuse(), "OpenBLAS's AVX2 kernel is not the one loaded");
        assumeTrue(OpenBlasKernels.vectorsHere(), "no vector API in this JVM, or no 256-bit vectors on this CPU");
        OpenBlasKernels kernels = new OpenBlasKernels(Long.MAX_VALUE, true);
        assertTrue(kernels.usesVectors());
        assertTrue(kernels.toString().contains("vector API"), kernels.toString());  // as compare.sh prints it
        Thread other = new Thread(() -> products(kernels, 1));
        other.start();
        other.join();
        assertSame(null, kernels.smallProductsThread(), "a 16 × 16 × 16 product went to OpenBLAS");
        productsAreOpenBlasNumbers(kernels);
    }

    /**
     * (d)'s shape, c's rows of 8 and 4 (the vectors' blocks and FusedProducts'), odd and over-256 ones,
     * each with the three transposes and with b held as the graph kit holds a window's weights: OpenBLAS's
     * numbers, whichever loop ran them.
     */
    private static void productsAreOpenBlasNumbers(OpenBlasKernels kernels) {
        SplittableRandom random = new SplittableRandom(12);
        int[][] shapes = {{16, 16, 16}, {32, 16, 16}, {4, 64, 60}, {37, 8, 24}, {16, 6, 50}, {16, 5, 60}, {17, 33, 20}, {8, 4, 300}, {8, 24, 40}, {12, 20, 40}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = random(random, m * k);
            double[] b = random(random, k * n);
            double[] c = random(random, m * n);
            for (int transposes = 0; transposes < 3; transposes++) {
                double[] viaBlas = c.clone();
                kernels.blas(transposes == 1, transposes == 2, m, n, k, a, 0, b, 0, viaBlas);
                assertArrayEquals(viaBlas, product(kernels, transposes, m, n, k, a, b, c),
                        m + " × " + n + " × " + k + ", transposes " + transposes);
            }
            // The same with b held (a window's weights), as the graph kit multiplies them.
            MatrixKernels.Held held = kernels.hold(b, 0, b.length, null);
            double[] viaBlas = c.clone();
            double[] viaHeld = c.clone();
            kernels.blas(false, true, m, n, k, a, 0, b, 0, viaBlas);
            kernels.multAddTransB(m, n, k, a, 0, held, viaHeld, 0);
            assertArrayEquals(viaBlas, viaHeld, m + " × " + n + " × " + k + ", b held and transposed");
            viaBlas = c.clone();
            viaHeld = c.clone();
            kernels.blas(false, false, m, n, k, a, 0, b, 0, viaBlas);
            kernels.multAdd(m, n, k, a, 0, held, viaHeld, 0);
            assertArrayEquals(viaBlas, viaHeld, m + " × " + n + " × " + k + ", b held");
        }
    }

    /**
     * {@link VectorProducts} sums each element as {@link FusedProducts} does, bit for bit: every shape it
     * covers from 4,096 multiply-adds to {@link OpenBlasKernels#FUSED_BELOW}, a transposed or not, at
     * offsets into longer arrays (b as k × n rows; the kernels hand it a held b's transpose).
     */
    @Test
    void vectorProductsAreFusedProductsNumbersBitForBit() {
        assumeTrue(OpenBlasKernels.vectorsHere(), "no vector API in this JVM, or no 256-bit vectors on this CPU");
        SplittableRandom random = new SplittableRandom(14);
        double[] a = random(random, OPERANDS);
        double[] b = random(random, OPERANDS);
        double[] c = random(random, OPERANDS);
        int shapes = eachSmallShape(8, random, (m, n, k, aAt, bAt, cAt) -> {
            for (boolean transA : new boolean[] {false, true}) {
                double[] viaScalars = Arrays.copyOfRange(c, cAt, cAt + m * n);
                double[] viaVectors = viaScalars.clone();
                FusedProducts.multAdd(transA, false, m, n, k, a, aAt, b, bAt, viaScalars, 0);
                VectorProducts.multAdd(transA, m, n, k, a, aAt, b, bAt, viaVectors, 0);
                if (!Arrays.equals(viaScalars, viaVectors)) {
                    assertArrayEquals(viaScalars, viaVectors, m + " × " + n + " × " + k + ", transA " + transA);
                }
            }
        });
        assertEquals(10_280, shapes, "every shape counted once");
    }

    /**
     * The holder hands OpenBLAS on after 64 products when another thread asked meanwhile, so that
     * threads take turns; when none asked it keeps it.
     */
    @Test
    void threadsTakeTurnsAtOpenBlas() throws Exception {
        assumeTrue(KERNELS.mayFuse(), "OpenBLAS's AVX2 kernel is not the one loaded");
        OpenBlasKernels kernels = new OpenBlasKernels(Long.MAX_VALUE, false);  // no lease runs out here
        ExecutorService a = Executors.newSingleThreadExecutor();
        ExecutorService b = Executors.newSingleThreadExecutor();
        try {
            Thread threadA = a.submit(Thread::currentThread).get();
            Thread threadB = b.submit(Thread::currentThread).get();
            a.submit(() -> products(kernels, 1 + 128)).get();  // takes it, then two turns' worth alone
            assertSame(threadA, kernels.smallProductsThread(), "nobody asked: kept");
            b.submit(() -> products(kernels, 1)).get();  // asks, is refused
            assertSame(threadA, kernels.smallProductsThread());
            a.submit(() -> products(kernels, 64)).get();  // its turn ends: handed on
            b.submit(() -> products(kernels, 1)).get();
            assertSame(threadB, kernels.smallProductsThread(), "the thread that asked has it now");
        } finally {
            a.shutdownNow();
            b.shutdownNow();
        }
    }

    private static void products(OpenBlasKernels kernels, int count) {
        for (int i = 0; i < count; i++) {
            kernels.multAdd(16, 16, 16, new double[256], 0, new double[256], 0, new double[256], 0);
        }
    }

    /** A thread that stops multiplying leaves OpenBLAS to the next after its lease (here 1 ms). */
    @Test
    void anIdleThreadLeavesOpenBlasToTheNext() throws Exception {
        assumeTrue(KERNELS.mayFuse(), "OpenBLAS's AVX2 kernel is not the one loaded");
        OpenBlasKernels kernels = new OpenBlasKernels(1_000_000, false);
        Thread holder = new Thread(() -> products(kernels, 1));
        holder.start();
        holder.join();
        assertSame(holder, kernels.smallProductsThread());
        Thread.sleep(5);
        products(kernels, 1);
        assertSame(Thread.currentThread(), kernels.smallProductsThread());
    }

    /**
     * Two threads multiplying (d)'s 16 × 16 × 16 products at once (one of them in OpenBLAS, the other
     * in Java, or each in turn; or both in vectors) get the numbers of one thread alone.
     */
    @ParameterizedTest(name = "vectors {0}")
    @ValueSource(booleans = {false, true})
    void twoThreadsAtOnceGetOneThreadsNumbers(boolean vectors) throws Exception {
        OpenBlasKernels kernels = new OpenBlasKernels(100_000_000, vectors);
        SplittableRandom random = new SplittableRandom(13);
        int count = 2_000;
        double[][] a = new double[count][];
        double[][] b = new double[count][];
        double[][] alone = new double[count][];
        for (int i = 0; i < count; i++) {
            a[i] = random(random, 256);
            b[i] = random(random, 256);
            alone[i] = product(kernels, i % 3, 16, 16, 16, a[i], b[i], new double[256]);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] running = new Future<?>[2];
            for (int t = 0; t < 2; t++) {
                running[t] = threads.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < count; i++) {
                            assertArrayEquals(alone[i], product(kernels, i % 3, 16, 16, 16, a[i], b[i], new double[256]));
                        }
                    }
                    return null;
                });
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static double[] product(OpenBlasKernels kernels, int transposes, int m, int n, int k, double[] a, double[] b,
                                    double[] c) {
        double[] result = c.clone();
        switch (transposes) {
            case 0 -> kernels.multAdd(m, n, k, a, 0, b, 0, result, 0);
            case 1 -> kernels.multAddTransA(m, n, k, a, 0, b, 0, result, 0);
            default -> kernels.multAddTransB(m, n, k, a, 0, b, 0, result, 0);
        }
        return result;
    }
}
