package org.rnn4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.activation.Tanh;
import org.rnn4j.api.graph.GraphNetwork;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.graph.MatrixKernels;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;

/** Every kernel gives EJML's results to rounding, at small shapes (EJML's path) and large (OpenBLAS's). */
final class OpenBlasKernelsTest {

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        double scale = 0;
        double difference = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
            difference = Math.max(difference, Math.abs(expected.data[i] - actual.data[i]));
        }
        assertTrue(difference <= 1e-13 * Math.max(1, scale), what + ": differs by " + difference);
    }

    /**
     * Single precision, through sgemm (large) and float loops (small): each product within float's
     * rounding of double's, and not equal to it; the same whether the kernels are OpenBLAS's or Java's.
     */
    @Test
    void singlePrecisionProductsAreDoublesToFloatRounding() {
        MatrixKernels single = new OpenBlasKernels().single();
        SplittableRandom random = new SplittableRandom(5);
        // Fewer rows than columns (the product goes to sgemm transposed) and more (it does not).
        for (int[] shape : new int[][] {{3, 5, 7}, {32, 64, 64}, {32, 256, 256}, {17, 33, 65}, {40, 64, 24}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            DMatrixRMaj a = random(m, k, random);
            DMatrixRMaj b = random(k, n, random);
            DMatrixRMaj bt = random(n, k, random);
            DMatrixRMaj at = random(k, m, random);
            for (int product = 0; product < 3; product++) {
                DMatrixRMaj expected = new DMatrixRMaj(m, n);
                DMatrixRMaj actual = new DMatrixRMaj(m, n);
                DMatrixRMaj java = new DMatrixRMaj(m, n);
                switch (product) {
                    case 0 -> {
                        MatrixKernels.EJML.multAdd(a, b, expected);
                        single.multAdd(a, b, actual);
                        MatrixKernels.JAVA.single().multAdd(a, b, java);
                    }
                    case 1 -> {
                        MatrixKernels.EJML.multAddTransB(a, bt, expected);
                        single.multAddTransB(a, bt, actual);
                        MatrixKernels.JAVA.single().multAddTransB(a, bt, java);
                    }
                    default -> {
                        MatrixKernels.EJML.multAddTransA(at, b, expected);
                        single.multAddTransA(at, b, actual);
                        MatrixKernels.JAVA.single().multAddTransA(at, b, java);
                    }
                }
                double worst = 0;
                double javaWorst = 0;
                for (int i = 0; i < expected.getNumElements(); i++) {
                    worst = Math.max(worst, Math.abs(expected.data[i] - actual.data[i]));
                    javaWorst = Math.max(javaWorst, Math.abs(expected.data[i] - java.data[i]));
                }
                String what = m + "x" + k + "x" + n + ", product " + product;
                assertTrue(worst < 1e-5 * k && worst > 0, what + ": " + worst);
                assertTrue(javaWorst < 1e-5 * k && javaWorst > 0, what + ", Java's: " + javaWorst);
            }
        }
    }

    /**
     * Whole numbers small enough that every product and sum is exact in float: single precision's
     * products then equal the exact ones bit for bit — so each value reached sgemm and came back to
     * its own place — at shapes whose operands and products span several of the conversions' blocks
     * of 4,096 values, turned round (fewer rows than columns) and not, held and not, at offsets.
     */
    @Test
    void singlePrecisionProductsOfWholeNumbersAreExact() {
        MatrixKernels single = new OpenBlasKernels().single();
        SplittableRandom random = new SplittableRandom(22);
        for (int[] shape : new int[][] {{16, 256, 256}, {3203, 64, 257}, {67, 129, 4099}, {5, 700, 9}, {4099, 3, 2}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            double[] a = wholeNumbers(3 + m * k, random);
            double[] b = wholeNumbers(5 + k * n, random);
            double[] c = random(1, 7 + m * n, random).data;
            for (int product = 0; product < 5; product++) {
                double[] exact = new double[c.length];  // the product alone, then added to c once, as the kernels add it
                double[] actual = c.clone();
                switch (product) {
                    case 0 -> {
                        MatrixKernels.JAVA.multAdd(m, n, k, a, 3, b, 5, exact, 7);
                        single.multAdd(m, n, k, a, 3, b, 5, actual, 7);
                    }
                    case 1 -> {
                        MatrixKernels.JAVA.multAdd(m, n, k, a, 3, b, 5, exact, 7);
                        single.multAdd(m, n, k, a, 3, single.hold(b, 5, k * n, null), actual, 7);
                    }
                    case 2 -> {
                        MatrixKernels.JAVA.multAddTransB(m, n, k, a, 3, b, 5, exact, 7);
                        single.multAddTransB(m, n, k, a, 3, b, 5, actual, 7);
                    }
                    case 3 -> {
                        MatrixKernels.JAVA.multAddTransB(m, n, k, a, 3, b, 5, exact, 7);
                        single.multAddTransB(m, n, k, a, 3, single.hold(b, 5, k * n, null), actual, 7);
                    }
                    default -> {
                        MatrixKernels.JAVA.multAddTransA(m, n, k, a, 3, b, 5, exact, 7);
                        single.multAddTransA(m, n, k, a, 3, b, 5, actual, 7);
                    }
                }
                double[] expected = c.clone();
                for (int i = 0; i < expected.length; i++) {
                    expected[i] += exact[i];
                }
                assertArrayEquals(expected, actual, m + " × " + k + " × " + n + ", product " + product);
            }
        }
    }

    /** Whole numbers from −3 to 3: a sum of up to 4,099 of their products is below 2²⁴, exact in float. */
    private static double[] wholeNumbers(int length, SplittableRandom random) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(-3, 4);
        }
        return values;
    }

    /**
     * OpenBLAS computes each product on the calling thread alone, unless OPENBLAS_NUM_THREADS says
     * otherwise: rnn4j's own threads are the parallelism, and OpenBLAS's on top of them competed for
     * the same cores (the effect is measured in docs/performance.md, not timed here).
     */
    @Test
    void openBlasUsesOneThreadPerProductUnlessTold() {
        assumeTrue(System.getenv(OpenBlasKernels.THREADS_VARIABLE) == null, "OPENBLAS_NUM_THREADS is set: the user's choice");
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(2);
        new OpenBlasKernels();
        assertEquals(1, org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads());
    }

    /**
     * A held operand (a window's weights, copied once) gives what the array itself gives, bit for bit,
     * in either precision — with fewer rows than columns and with more, and (the pom's second run of
     * this class) with the kernels OpenBLAS picks for this CPU as well as the AVX2 ones.
     */
    @Test
    void aHeldOperandGivesWhatTheArrayGives() {
        SplittableRandom random = new SplittableRandom(9);
        for (MatrixKernels kernels : List.of(new OpenBlasKernels(), new OpenBlasKernels().single())) {
            for (int[] shape : new int[][] {{3, 5, 7}, {16, 256, 256}, {32, 64, 64}, {16, 64, 256}, {1, 256, 256}, {13, 100, 300},
                {300, 16, 24}}) {
                int m = shape[0];
                int k = shape[1];
                int n = shape[2];
                DMatrixRMaj a = random(m, k, random);
                double[] weights = new double[3 + n * k];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = random.nextDouble(-1, 1);
                }
                MatrixKernels.Held held = kernels.hold(weights, 3, n * k, null);
                held = kernels.hold(weights, 3, n * k, held);  // refilled, as a window's next forward pass does
                double[] plain = new double[m * n];
                double[] fromHeld = new double[m * n];
                kernels.multAddTransB(m, n, k, a.data, 0, weights, 3, plain, 0);
                kernels.multAddTransB(m, n, k, a.data, 0, held, fromHeld, 0);
                assertTrue(java.util.Arrays.equals(plain, fromHeld), "a · bᵀ, " + m + "x" + k + "x" + n);
                DMatrixRMaj d = random(m, n, random);
                double[] back = new double[m * k];
                double[] backHeld = new double[m * k];
                kernels.multAdd(m, k, n, d.data, 0, weights, 3, back, 0);
                kernels.multAdd(m, k, n, d.data, 0, held, backHeld, 0);
                assertTrue(java.util.Arrays.equals(back, backHeld), "a · b, " + m + "x" + n + "x" + k);
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = -weights[i] / 2;  // the next window's weights, held in the same holder
                }
                held = kernels.hold(weights, 3, n * k, held);
                double[] again = new double[m * k];
                double[] againHeld = new double[m * k];
                kernels.multAdd(m, k, n, d.data, 0, weights, 3, again, 0);
                kernels.multAdd(m, k, n, d.data, 0, held, againHeld, 0);
                assertTrue(java.util.Arrays.equals(again, againHeld), "a · b after a refill, " + m + "x" + n + "x" + k);
            }
        }
    }

    /**
     * With the vector API (this module's tests run with it), small products are OpenBLAS's numbers bit
     * for bit with whichever kernels OpenBLAS loaded (the pom runs this class with the AVX2 ones and
     * with those it picks for this CPU): the vector loop takes a shape only where it was tried equal.
     * Cooperlake's kernels sum some c += a · bᵀ in another order (16 × 8 × 32 and 8 × 16 × 64 here), and the
     * AVX2 ones sum every shape as the vector loop does — (d)'s 16 × 16 × 16 among them.
     */
    @Test
    void smallProductsAreThisOpenBlasNumbersWithOrWithoutVectors() {
        assumeTrue(OpenBlasKernels.vectorsHere(), "no vector API in this JVM, or no 256-bit vectors on this CPU");
        OpenBlasKernels kernels = new OpenBlasKernels();
        SplittableRandom random = new SplittableRandom(15);
        int[][] shapes = {{16, 16, 16}, {16, 8, 32}, {8, 16, 64}, {16, 24, 24}, {32, 16, 16}, {4, 64, 60}, {8, 24, 40}, {16, 16, 40}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = random(m, k, random).data;
            double[] b = random(k, n, random).data;
            double[] c = random(m, n, random).data;
            for (int transposes = 0; transposes < 3; transposes++) {
                boolean transA = transposes == 1;
                boolean transB = transposes == 2;
                double[] viaBlas = c.clone();
                double[] viaKernels = c.clone();
                kernels.blas(transA, transB, m, n, k, a, 0, b, 0, viaBlas);
                switch (transposes) {
                    case 0 -> kernels.multAdd(m, n, k, a, 0, kernels.hold(b, 0, b.length, null), viaKernels, 0);
                    case 1 -> kernels.multAddTransA(m, n, k, a, 0, b, 0, viaKernels, 0);
                    default -> kernels.multAddTransB(m, n, k, a, 0, kernels.hold(b, 0, b.length, null), viaKernels, 0);
                }
                assertArrayEquals(viaBlas, viaKernels, m + " × " + n + " × " + k + ", transposes " + transposes);
            }
        }
        if ("Haswell".equals(System.getenv("OPENBLAS_CORETYPE"))) {
            assertTrue(kernels.vectorsSameAsBlas(false, true, 16, 16, 16), "(d)'s step forward in vectors");
            assertTrue(kernels.vectorsSameAsBlas(false, false, 16, 16, 16), "(d)'s step back in vectors");
        }
    }

    /** On whole matrices, and on blocks at offsets inside larger arrays (as a network's window holds them). */
    @Test
    void everyProductMatchesEjmlAtSmallAndLargeShapes() {
        MatrixKernels blas = new OpenBlasKernels();
        SplittableRandom random = new SplittableRandom(1);
        int[][] shapes = {{1, 8, 8}, {3, 5, 7}, {32, 64, 64}, {1, 256, 256}, {32, 256, 256}, {17, 33, 65}, {40, 1, 300}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            String at = m + "x" + k + "x" + n;
            DMatrixRMaj a = random(m, k, random);
            DMatrixRMaj bt = random(n, k, random);
            DMatrixRMaj b = random(k, n, random);
            DMatrixRMaj at2 = random(k, m, random);
            DMatrixRMaj c0 = random(m, n, random);

            DMatrixRMaj expected = c0.copy();
            DMatrixRMaj actual = c0.copy();
            MatrixKernels.EJML.multAddTransB(a, bt, expected);
            blas.multAddTransB(a, bt, actual);
            assertClose(expected, actual, "multAddTransB " + at);
            double[] padded = shifted(c0, 5);
            blas.multAddTransB(m, n, k, shifted(a, 2), 2, shifted(bt, 7), 7, padded, 5);
            assertClose(expected, block(padded, 5, m, n), "multAddTransB of blocks " + at);

            expected = c0.copy();
            actual = c0.copy();
            MatrixKernels.EJML.multAddTransA(at2, b, expected);
            blas.multAddTransA(at2, b, actual);
            assertClose(expected, actual, "multAddTransA " + at);
            padded = shifted(c0, 5);
            blas.multAddTransA(m, n, k, shifted(at2, 1), 1, shifted(b, 4), 4, padded, 5);
            assertClose(expected, block(padded, 5, m, n), "multAddTransA of blocks " + at);

            expected = c0.copy();
            actual = c0.copy();
            MatrixKernels.EJML.multAdd(a, b, expected);
            blas.multAdd(a, b, actual);
            assertClose(expected, actual, "multAdd " + at);
            padded = shifted(c0, 5);
            blas.multAdd(m, n, k, shifted(a, 3), 3, shifted(b, 6), 6, padded, 5);
            assertClose(expected, block(padded, 5, m, n), "multAdd of blocks " + at);
            assertTrue(padded[4] == 99 && padded[5 + m * n] == 99, "wrote outside c's block: " + at);

            expected = new DMatrixRMaj(m, n);
            actual = c0.copy();
            MatrixKernels.EJML.mult(a, b, expected);
            blas.mult(a, b, actual);
            assertClose(expected, actual, "mult " + at);
        }
    }

    /** One non-zero per row, as one-hot inputs have: the loops that skip zeros take these. */
    private static DMatrixRMaj oneHot(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            m.set(r, random.nextInt(cols), random.nextDouble(-1, 1));
        }
        return m;
    }

    @Test
    void productsWithAMostlyZeroOperandMatchEjml() {
        MatrixKernels blas = new OpenBlasKernels();
        SplittableRandom random = new SplittableRandom(2);
        for (int[] shape : new int[][] {{32, 64, 256}, {100, 17, 33}}) {
            int rows = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            DMatrixRMaj x = oneHot(rows, inputs, random);
            assertTrue(new SparseProducts().nonZeros(x.data, 0, x.getNumElements()) != null);
            DMatrixRMaj w = random(units, inputs, random);
            DMatrixRMaj z0 = random(rows, units, random);
            DMatrixRMaj expected = z0.copy();
            DMatrixRMaj actual = z0.copy();
            MatrixKernels.EJML.multAddTransB(x, w, expected);
            blas.multAddTransB(x, w, actual);
            assertClose(expected, actual, "multAddTransB, one-hot a");
            double[] padded = shifted(z0, 3);
            blas.multAddTransB(rows, units, inputs, shifted(x, 4), 4, shifted(w, 1), 1, padded, 3);
            assertClose(expected, block(padded, 3, rows, units), "multAddTransB of blocks, one-hot a");

            DMatrixRMaj delta = random(rows, units, random);
            DMatrixRMaj g0 = random(units, inputs, random);
            expected = g0.copy();
            actual = g0.copy();
            MatrixKernels.EJML.multAddTransA(delta, x, expected);
            blas.multAddTransA(delta, x, actual);
            assertClose(expected, actual, "multAddTransA, one-hot b");
            padded = shifted(g0, 2);
            blas.multAddTransA(units, inputs, rows, shifted(delta, 5), 5, shifted(x, 4), 4, padded, 2);
            assertClose(expected, block(padded, 2, units, inputs), "multAddTransA of blocks, one-hot b");
        }
        assertNull(new SparseProducts().nonZeros(random(32, 64, random).data, 0, 32 * 64));
    }

    /**
     * The loops over a one-hot operand's non-zeros add each element's terms in the order of the
     * dense loops, whichever way they read the other operand (down its columns, or along the rows of
     * a transposed copy: the held weights' for many rows, the gradient's scratch for many non-zeros)
     * — bit for bit, in both precisions.
     */
    @Test
    void oneHotProductsAddTheirTermsInTheDenseLoopsOrder() {
        SplittableRandom random = new SplittableRandom(3);
        for (MatrixKernels kernels : List.of(new OpenBlasKernels(), new OpenBlasKernels().single())) {
            for (int rows : new int[] {16, 1600}) {  // fewer non-zeros than columns, and more
                int inputs = 64;
                int units = 256;
                DMatrixRMaj x = oneHot(rows, inputs, random);
                DMatrixRMaj w = random(units, inputs, random);
                DMatrixRMaj z0 = random(rows, units, random);
                double[] expected = z0.data.clone();
                for (int i = 0; i < rows; i++) {
                    for (int p = 0; p < inputs; p++) {
                        double v = x.get(i, p);
                        for (int j = 0; j < units; j++) {
                            expected[i * units + j] += v * w.get(j, p);
                        }
                    }
                }
                double[] plain = z0.data.clone();
                kernels.multAddTransB(rows, units, inputs, x.data, 0, w.data, 0, plain, 0);
                double[] held = z0.data.clone();
                kernels.multAddTransB(rows, units, inputs, x.data, 0, kernels.hold(w.data, 0, w.data.length, null), held, 0);
                assertArrayEquals(expected, plain, "x · wᵀ, " + rows + " rows");
                assertArrayEquals(expected, held, "x · wᵀ held, " + rows + " rows");

                DMatrixRMaj delta = random(rows, units, random);
                DMatrixRMaj g0 = random(units, inputs, random);
                double[] gradient = g0.data.clone();
                for (int p = 0; p < rows; p++) {
                    for (int q = 0; q < inputs; q++) {
                        for (int i = 0; i < units; i++) {
                            gradient[i * inputs + q] += delta.get(p, i) * x.get(p, q);
                        }
                    }
                }
                double[] actual = g0.data.clone();
                kernels.multAddTransA(units, inputs, rows, delta.data, 0, x.data, 0, actual, 0);
                assertArrayEquals(gradient, actual, "δᵀ · x, " + rows + " rows");
            }
        }
    }

    /**
     * The graph kit's unrolled window, whose products over many steps' rows these kernels do at
     * offsets in the window's arrays, against forward and backward step by step.
     */
    @Test
    void anUnrolledWindowWithTheseKernelsEqualsStepByStep() {
        int inputs = 16;
        int hidden = 48;
        int batch = 8;
        int steps = 7;
        GraphNetwork network = elman(inputs, hidden).network();
        SplittableRandom random = new SplittableRandom(4);
        for (Parameters.Block block : network.parameters().blocks()) {
            block.value().setTo(random(block.value().numRows, block.value().numCols, random));
        }
        DMatrixRMaj initial = random(batch, hidden, random);
        List<DMatrixRMaj> xs = new ArrayList<>();
        List<StepCache> caches = new ArrayList<>();
        List<DMatrixRMaj> outputGradients = new ArrayList<>();
        DMatrixRMaj state = initial;
        for (int t = 0; t < steps; t++) {
            xs.add(random(batch, inputs, random));
            StepCache cache = network.newStepCache(batch);
            network.forward(state, xs.get(t), cache);
            state = cache.state();
            caches.add(cache);
            outputGradients.add(random(batch, inputs, random));
        }
        Unrolled unrolled = network.unroll(batch, steps);
        unrolled.forward(initial, xs);
        for (int t = 0; t < steps; t++) {
            assertClose(caches.get(t).output(), unrolled.output(t), "output of step " + t);
        }
        Parameters stepByStep = network.parameters().zerosLike();
        DMatrixRMaj later = random(batch, hidden, random);
        DMatrixRMaj finalGradient = later.copy();
        DMatrixRMaj earlier = new DMatrixRMaj(batch, hidden);
        for (int t = steps - 1; t >= 0; t--) {
            network.backward(caches.get(t), outputGradients.get(t), later, stepByStep, earlier, null);
            DMatrixRMaj swap = later;
            later = earlier;
            earlier = swap;
        }
        Parameters whole = network.parameters().zerosLike();
        unrolled.backward(outputGradients, finalGradient, whole);
        DMatrixRMaj expected = new DMatrixRMaj(1, stepByStep.size());
        DMatrixRMaj actual = new DMatrixRMaj(1, stepByStep.size());
        stepByStep.flatten(expected.data);
        whole.flatten(actual.data);
        assertClose(expected, actual, "parameter gradient");
        assertClose(later, finalGradient, "initial state's gradient");
    }

    /**
     * A window's forward and backward pass over one-hot inputs — the sparse products, the held
     * weights (and their transposed copy), sgemm's conversions and single precision's tanh — allocate
     * nothing once running, in either precision (bytes counted, not time).
     */
    @Test
    void aWindowOverOneHotInputsAllocatesNothingOnceRunning() {
        for (org.rnn4j.api.Precision precision : org.rnn4j.api.Precision.values()) {
            int inputs = 64;
            int batch = 16;
            int steps = 20;
            GraphNetwork network = elman(inputs, 64).network(new java.util.Random(5), precision);
            SplittableRandom random = new SplittableRandom(6);
            List<DMatrixRMaj> xs = new ArrayList<>();
            List<DMatrixRMaj> outputGradients = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                xs.add(oneHot(batch, inputs, random));
                outputGradients.add(random(batch, inputs, random));
            }
            Unrolled unrolled = network.unroll(batch, steps);
            DMatrixRMaj initial = new DMatrixRMaj(batch, 64);
            DMatrixRMaj finalGradient = new DMatrixRMaj(batch, 64);
            Parameters gradient = network.parameters().zerosLike();
            Runnable pass = () -> {
                unrolled.forward(initial, xs);
                gradient.zero();
                finalGradient.zero();
                unrolled.backward(outputGradients, finalGradient, gradient);
            };
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            for (int i = 0; i < 300; i++) {
                pass.run();
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                pass.run();
            }
            long bytes = threads.getThreadAllocatedBytes(id) - before;
            // Nothing per pass: a one-off of the JIT's, a few KB, may fall in the window.
            assertTrue(bytes < 5_000, precision + ": " + bytes + " bytes allocated over 200 passes");
        }
    }

    /** An Elman network inputs-hidden-inputs (tanh hidden units, linear outputs), declared with the graph kit. */
    private static LayerGraph elman(int inputs, int hidden) {
        return LayerGraph.builder(inputs)
                .context("context", hidden)
                .connectFixed("hidden[t-1]->context", "hidden", "context", 1, 1.0)
                .group("hidden", hidden, new Tanh(), true)
                .connect("input->hidden", LayerGraph.INPUT, "hidden", 0)
                .connect("context->hidden", "context", "hidden", 0)
                .group("output", inputs, new Identity(), true)
                .connect("hidden->output", "hidden", "output", 0)
                .output("output")
                .build();
    }

    /** m's values at {@code offset} in a longer array, with other numbers around them. */
    private static double[] shifted(DMatrixRMaj m, int offset) {
        double[] values = new double[offset + m.getNumElements() + 2];
        java.util.Arrays.fill(values, 99);
        System.arraycopy(m.data, 0, values, offset, m.getNumElements());
        return values;
    }

    private static DMatrixRMaj block(double[] values, int offset, int rows, int cols) {
        return DMatrixRMaj.wrap(rows, cols, java.util.Arrays.copyOfRange(values, offset, offset + rows * cols));
    }

    @Test
    void theFrameworkFindsTheseKernels() {
        assertEquals(OpenBlasKernels.class, MatrixKernels.best().getClass());
    }
}
