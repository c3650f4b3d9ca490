package org.rnn4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;
import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.training.propagation.resilient.ResilientPropagation;
import org.encog.neural.pattern.ElmanPattern;
import org.encog.neural.pattern.JordanPattern;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.loss.CrossEntropy;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.trainers.AdamOptimizer;
import org.rnn4j.trainers.BpttTrainer;
import org.rnn4j.trainers.RtrlTrainer;

/**
 * The side-by-side comparison: the same networks, data shapes and hyperparameters in rnn4j and in
 * its peers, timed in one run — on one thread and on every core, the systems a target compares in
 * turns — medians of many repetitions. Run by
 * {@code benchmarks/compare.sh}; prints a table.
 */
public final class Compare {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--kernels")) {  // loads them: compare.sh reads the BLAS's core from its log
            System.out.println(org.rnn4j.api.graph.MatrixKernels.best().getClass().getSimpleName());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", "system", "median time", "final loss", "peer / rnn4j"});

        // (a) small: Elman 1-6-1, temporal XOR of 300 steps, full BPTT, batch 1, Adam.
        // rnn4j and Encog's Elman in turns; Encog's Jordan after them, alone: it runs Encog's code
        // with other types, which, run before or between, slowed Encog's Elman from 81-85 to 98 µs.
        double[][] timedTogether = inTurns(smallRnn4j(), encog(true));
        double[] small = timedTogether[0];
        rows.add(row("(a) Elman 1-6-1, 300 steps, epoch", "rnn4j bptt", small[0], small[1], Double.NaN));
        double[] encogElman = timedTogether[1];
        rows.add(row("(a) Elman 1-6-1, 300 steps, epoch", "Encog 3.4 Elman, RPROP (no BPTT)", encogElman[0], encogElman[1],
                encogElman[0] / small[0]));
        double[] encogJordan = inTurns(encog(false))[0];
        rows.add(row("(a) Jordan 1-6-1, 300 steps, epoch", "Encog 3.4 Jordan, RPROP (no BPTT)", encogJordan[0],
                encogJordan[1], encogJordan[0] / small[0]));

        // (b) large: Elman 64-256-64, one-hot, 100 steps, batch 32, cross-entropy, Adam — in double and in
        // single precision, on one thread and on every core: each precision's two in turns with PyTorch's
        // runs of it, as (a)'s systems, so that a slow second of the host falls on a few batches of each,
        // not on all of one.
        int cores = Runtime.getRuntime().availableProcessors();
        double[][] largeDouble = largeInTurns("double", cores, "float64", 1);
        double[] large = largeDouble[0];
        double[] largeAll = largeDouble[1];
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, double, 1 thread", large[0], large[1], Double.NaN));
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, double, " + cores + " threads", largeAll[0],
                largeAll[1], Double.NaN));
        double[][] largeSinglePair = largeInTurns("single", cores, "float32", 1, cores);
        double[] largeSingle = largeSinglePair[0];
        double[] largeSingleAll = largeSinglePair[1];
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, single, 1 thread", largeSingle[0],
                largeSingle[1], Double.NaN));
        double[] largeSingleWhole = largeAlone("single", 1, 32);
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, single, 1 thread, chunk 32",
                largeSingleWhole[0], largeSingleWhole[1], Double.NaN));
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, single, " + cores + " threads",
                largeSingleAll[0], largeSingleAll[1], Double.NaN));
        // What OpenBLAS's own threads cost beside rnn4j's: every product on every core too, as OpenBLAS
        // does by default (rnn4j sets it to one a product unless OPENBLAS_NUM_THREADS is set).
        org.rnn4j.api.graph.MatrixKernels.best().useThreads(cores);
        double[] largeAllBlasThreads = largeAlone("double", cores, 16);
        double[] largeSingleAllBlasThreads = largeAlone("single", cores, 16);
        org.rnn4j.api.graph.MatrixKernels.best().useThreads(1);
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, double, " + cores + " threads, OpenBLAS "
                + cores + " a product", largeAllBlasThreads[0], largeAllBlasThreads[1], Double.NaN));
        rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", "rnn4j bptt, single, " + cores + " threads, OpenBLAS "
                + cores + " a product", largeSingleAllBlasThreads[0], largeSingleAllBlasThreads[1], Double.NaN));

        // (d) batched small: Elman 1-16-1, 100 steps, batch 64, mse, Adam — on one thread and on every core.
        // On 1 thread and on every core in turns, as (a)'s systems: the ratio of the two is a target.
        // Between them in each turn, (d)'s step product on 1 thread and split over every core: what the
        // host let two threads do of that arithmetic in the same seconds (its second core is shared at times).
        double[] batched;
        double[] batchedAll;
        boolean identical;
        double[] productOne;
        double[] productAll;
        try (SessionEpochs one = batchedRnn4j(1); SessionEpochs all = batchedRnn4j(cores);
             SplitProducts alone = new SplitProducts(1);
             SplitProducts split = new SplitProducts(cores)) {
            double[][] timed = inTurns(one, all, alone, split);
            batched = timed[0];
            batchedAll = timed[1];
            identical = Arrays.equals(one.parameters(), all.parameters());
            productOne = timed[2];
            productAll = timed[3];
        }
        rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", "rnn4j bptt, double, 1 thread", batched[0], batched[1],
                Double.NaN));
        rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", "rnn4j bptt, double, " + cores + " threads", batchedAll[0],
                batchedAll[1], Double.NaN));

        JsonNode torch = torch(1, "float64", "small,batched");
        List<String> targets = new ArrayList<>();
        targets.add(String.format(Locale.ROOT, "(d) %d threads against 1: %.2fx faster (target >= 1.7x), parameters after"
                + " the timed batches bit-identical: %s", cores, batched[0] / batchedAll[0], identical ? "yes" : "NO"));
        targets.add(String.format(Locale.ROOT, "    what this machine allowed in the same turns: (d)'s step product, 16x16x16 by %s,"
                + " %.0f ns on 1 thread, %.0f ns each on %d threads at once: %.2fx as many products a second",
                org.rnn4j.api.graph.MatrixKernels.best(), productOne[0] / SplitProducts.PRODUCTS * 1e9,
                productAll[0] / (SplitProducts.PRODUCTS / cores) * 1e9, cores, productOne[0] / productAll[0]));
        if (torch != null && largeDouble.length == 3 && largeSinglePair.length == 4) {
            String version = "PyTorch " + torch.path("torch").asText();
            double smallTorch = torch.path("small_epoch_seconds").asDouble();
            double largeTorch = largeDouble[2][0];
            rows.add(row("(a) Elman 1-6-1, 300 steps, epoch", version + ", float64, 1 thread", smallTorch,
                    torch.path("small_loss").asDouble(), smallTorch / small[0]));
            rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", version + ", float64, 1 thread", largeTorch,
                    largeDouble[2][1], largeTorch / large[0]));
            JsonNode single1 = torch(1, "float32", "batched");
            JsonNode singleAll = torch(cores, "float32", "batched");
            JsonNode doubleAll = torch(cores, "float64", "batched");
            double large32 = largeSinglePair[2][0];
            double large32All = largeSinglePair[3][0];
            rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", version + ", float32, 1 thread", large32,
                    largeSinglePair[2][1], large32 / largeSingle[0]));
            rows.add(row("(b) Elman 64-256-64, 100 steps x 32, batch", version + ", float32, " + cores + " threads", large32All,
                    largeSinglePair[3][1], large32All / largeSingleAll[0]));
            double batchedTorch = torch.path("batched_small_batch_seconds").asDouble();
            double batchedTorchAll = doubleAll.path("batched_small_batch_seconds").asDouble();
            double batched32 = single1.path("batched_small_batch_seconds").asDouble();
            double batched32All = singleAll.path("batched_small_batch_seconds").asDouble();
            rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", version + ", float64, 1 thread", batchedTorch,
                    torch.path("batched_small_loss").asDouble(), batchedTorch / batched[0]));
            rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", version + ", float64, " + cores + " threads",
                    batchedTorchAll, doubleAll.path("batched_small_loss").asDouble(), batchedTorchAll / batchedAll[0]));
            rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", version + ", float32, 1 thread", batched32,
                    single1.path("batched_small_loss").asDouble(), batched32 / batchedAll[0]));
            rows.add(row("(d) Elman 1-16-1, 100 steps x 64, batch", version + ", float32, " + cores + " threads", batched32All,
                    singleAll.path("batched_small_loss").asDouble(), batched32All / batchedAll[0]));
            double best32 = Math.min(large32, large32All);
            double bestBatched = Math.min(Math.min(batchedTorch, batchedTorchAll), Math.min(batched32, batched32All));
            targets.add(String.format(Locale.ROOT, "(b) single, 1 thread: %s against PyTorch float32, 1 thread: %s (target:"
                    + " no slower)", time(largeSingle[0]), time(large32)));
            targets.add(String.format(Locale.ROOT, "(b) single, %d threads: %.2fx PyTorch float32's best time %s (target <= 0.6x)",
                    cores, largeSingleAll[0] / best32, time(best32)));
            targets.add(String.format(Locale.ROOT, "(d) %d threads: %s against PyTorch's best %s (target: faster)", cores,
                    time(batchedAll[0]), time(bestBatched)));
        } else {
            rows.add(new String[] {"(a), (b), (d)", "PyTorch", "not run: /usr/bin/python3 has no torch (compare.sh installs it)",
                "", ""});
        }
        targets.add(String.format(Locale.ROOT, "(a) Encog Elman / rnn4j: %.2f (target >= 1.5)", encogElman[0] / small[0]));
        print(rows);
        System.out.println();
        targets.forEach(System.out::println);

        System.out.println();
        System.out.println("(c) RTRL on fully-recurrent (1 input, 1 output), per step of one sequence:");
        System.out.println("kernels: " + org.rnn4j.api.graph.MatrixKernels.best().getClass().getSimpleName());
        System.out.println("units  parameters  time/step    n²·p multiply-adds  achieved GFLOP/s  GEMM (n×n)·(n×p) GFLOP/s  fraction");
        for (int n : new int[] {16, 32, 64}) {
            double[] rtrl = rtrl(n);
            System.out.printf(Locale.ROOT, "%5d  %10d  %9.1f µs  %18.0f  %16.2f  %24.2f  %7.0f%%%n", n, (int) rtrl[1], rtrl[0] * 1e6,
                    rtrl[2], 2 * rtrl[2] / rtrl[0] / 1e9, rtrl[3], 100 * (2 * rtrl[2] / rtrl[0] / 1e9) / rtrl[3]);
        }

        System.out.println();
        System.out.println("Allocation per step in steady state (ThreadMXBean allocated bytes):");
        for (String topology : new String[] {"elman", "fully-recurrent"}) {
            System.out.printf(Locale.ROOT, "  %-16s bptt step (batch 32, hidden 64): %6.1f bytes; in an unrolled window: %6.1f bytes; "
                    + "rtrl step (hidden 16): %6.1f bytes%n", topology, allocationBptt(topology), allocationWindow(topology),
                    allocationRtrl(topology));
        }
    }

    private static String[] row(String workload, String system, double seconds, double loss, double ratio) {
        return new String[] {workload, system, time(seconds), Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "%.4f", loss),
            Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.1f", ratio)};
    }

    private static String time(double seconds) {
        return seconds >= 1e-3 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3) : String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }

    private static void print(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    /** An epoch of one of the systems timed in turns, warmed up, and its loss after the last one run. */
    interface Epochs {
        void run();

        double loss();

        /** Runs an epoch and says how long it took: by the clock around it, unless the system times itself. */
        default double timed() {
            long start = System.nanoTime();
            run();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * Medians of seconds per epoch and the final losses of (a)'s or (d)'s systems, timed in turns — 300 epochs
     * of each, ten times — so that they see the same moments of a shared host, whose speed moves by
     * half from one few seconds to the next: 3,000 epochs each, as when each was timed alone. (b)'s
     * pairs take turns likewise, with fewer and longer epochs (see {@link #largeInTurns}).
     */
    static double[][] inTurns(Epochs... systems) {
        return inTurns(10, 300, systems);
    }

    /** As above, {@code perTurn} epochs of each system in each of {@code turns} turns. */
    static double[][] inTurns(int turns, int perTurn, Epochs... systems) {
        double[][] times = new double[systems.length][turns * perTurn];
        for (int turn = 0; turn < turns; turn++) {
            for (int s = 0; s < systems.length; s++) {
                for (int e = 0; e < perTurn; e++) {
                    times[s][turn * perTurn + e] = systems[s].timed();
                }
            }
        }
        double[][] results = new double[systems.length][];
        for (int s = 0; s < systems.length; s++) {
            results[s] = new double[] {median(times[s]), systems[s].loss()};
        }
        return results;
    }

    /** rnn4j's full BPTT on one 300-step temporal-XOR sequence, epoch by epoch, after 2,000 untimed epochs. */
    static Epochs smallRnn4j() {
        DataSet data = Rnn4j.create(ConfigFactory.parseString(
                "rnn4j.data { type = temporal-xor, sequences = 1, length = 300 }")).data();
        // The JIT first: a whole window's passes are called once per epoch, so compiling them takes
        // a few thousand epochs (measured: ~3,500, up to 10,000). A throwaway network warms them up
        // for 5 s; the timed network then trains its usual 2,000 + 3,000 epochs, as PyTorch's does.
        TrainingSession warmUp = session(Networks.build("elman", 6, 1, 1, "sigmoid"), data, new MeanSquaredError(), 1, 0.01);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int e = 1; System.nanoTime() < until; e++) {
            warmUp.runEpoch(e, new SplittableRandom(e));
        }
        Network network = Networks.build("elman", 6, 1, 1, "sigmoid");  // as PyTorch's: sigmoid outputs, mse
        return new SessionEpochs(network, session(network, data, new MeanSquaredError(), 1, 0.01), 2000);
    }

    /**
     * (b) in {@code precision} on 1 thread and on {@code cores}, and PyTorch's in {@code torchDtype} on each
     * of {@code torchThreads} (none where there is no PyTorch), in turns: each one's median seconds per
     * batch and final loss, rnn4j's two first.
     */
    static double[][] largeInTurns(String precision, int cores, String torchDtype, int... torchThreads) throws Exception {
        List<TorchLarge> torch = new ArrayList<>();
        try (SessionEpochs one = largeRnn4j(precision, 1, 16); SessionEpochs all = largeRnn4j(precision, cores, 16)) {
            for (int threads : torchThreads) {
                TorchLarge peer = TorchLarge.start(threads, torchDtype);
                if (peer != null) {
                    torch.add(peer);
                }
            }
            List<Epochs> systems = new ArrayList<>(List.of(one, all));
            systems.addAll(torch);
            return inTurns(LARGE_TURNS, LARGE_PER_TURN, systems.toArray(Epochs[]::new));
        } finally {
            for (TorchLarge peer : torch) {
                peer.close();
            }
        }
    }

    /** (b) alone, its batch in chunks of {@code chunk} rows (32: the whole batch at once). */
    static double[] largeAlone(String precision, int threads, int chunk) {
        try (SessionEpochs session = largeRnn4j(precision, threads, chunk)) {
            return inTurns(1, LARGE_TURNS * LARGE_PER_TURN, session)[0];
        }
    }

    /** (b)'s timed batches, after 5 untimed: 20 in all, in 5 turns of 4 when two are timed together. */
    private static final int LARGE_TURNS = 5;
    private static final int LARGE_PER_TURN = 4;

    /** rnn4j's BPTT on 32 one-hot sequences of 100 steps, one batch an epoch, warmed up by 5 batches. */
    static SessionEpochs largeRnn4j(String precision, int threads, int chunk) {
        SplittableRandom random = new SplittableRandom(1);
        List<Sequence> sequences = new ArrayList<>();
        for (int s = 0; s < 32; s++) {
            DMatrixRMaj x = new DMatrixRMaj(100, 64);
            DMatrixRMaj y = new DMatrixRMaj(100, 64);
            int symbol = random.nextInt(64);
            for (int t = 0; t < 100; t++) {
                x.set(t, symbol, 1);
                symbol = random.nextInt(64);
                y.set(t, symbol, 1);
            }
            sequences.add(new Sequence(x, y));
        }
        DataSet data = new DataSet("one-hot", 64, 64, sequences, List.of());
        Network network = Networks.build("elman", 256, 64, 64, "identity", precision);
        return new SessionEpochs(network, session(network, data, new CrossEntropy(), 32, 0.001, threads, chunk), 5);
    }

    /**
     * (d) on rnn4j: full BPTT on 64 temporal-XOR sequences of 100 steps, one batch an epoch, Elman
     * 1-16-1 with a sigmoid output, mse, Adam 0.01, on {@code threads} threads; warmed up by 3,000
     * epochs (its parameters after the timed ones are bit-identical on any number of threads).
     */
    static SessionEpochs batchedRnn4j(int threads) {
        DataSet data = Rnn4j.create(ConfigFactory.parseString(
                "rnn4j.data { type = temporal-xor, sequences = 64, length = 100 }")).data();
        Network network = Networks.build("elman", 16, 1, 1, "sigmoid");
        return new SessionEpochs(network, session(network, data, new MeanSquaredError(), 64, 0.01, threads), 3000);
    }

    /**
     * A training session as one of the systems timed in turns: warmed up by {@code warmup} epochs,
     * then epoch by epoch, numbered and seeded as {@link #timeEpochs} does; its network's parameters
     * after them.
     */
    static final class SessionEpochs implements Epochs, AutoCloseable {
        private final Network network;
        private final TrainingSession session;
        private final int warmup;
        private int timed;
        private double loss;

        SessionEpochs(Network network, TrainingSession session, int warmup) {
            this.network = network;
            this.session = session;
            this.warmup = warmup;
            for (int e = 1; e <= warmup; e++) {
                session.runEpoch(e, new SplittableRandom(e));
            }
        }

        @Override
        public void run() {
            loss = session.runEpoch(warmup + timed + 1, new SplittableRandom(timed));
            timed++;
        }

        @Override
        public double loss() {
            return loss;
        }

        double[] parameters() {
            return network.parameters().toArray();
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static TrainingSession session(Network network, DataSet data, Loss loss, int batch, double rate) {
        return session(network, data, loss, batch, rate, 1);
    }

    private static TrainingSession session(Network network, DataSet data, Loss loss, int batch, double rate, int threads) {
        return session(network, data, loss, batch, rate, threads, 16);
    }

    private static TrainingSession session(Network network, DataSet data, Loss loss, int batch, double rate, int threads,
                                           int chunk) {
        var adam = new AdamOptimizer().create(ConfigFactory.parseString(
                "learning-rate = " + rate + ", beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8"), network.parameters());
        return new BpttTrainer().start(new TrainingSetup(ConfigFactory.parseString("k1 = 0, k2 = 0, chunk = " + chunk
                + ", threads = " + threads), network, data, loss, adam, batch, TrainingListener.NONE));
    }

    private static double[] timeEpochs(TrainingSession session, int warmup, int runs) {
        for (int e = 1; e <= warmup; e++) {
            session.runEpoch(e, new SplittableRandom(e));
        }
        double[] times = new double[runs];
        double loss = 0;
        for (int e = 0; e < runs; e++) {
            long start = System.nanoTime();
            loss = session.runEpoch(warmup + e + 1, new SplittableRandom(e));
            times[e] = (System.nanoTime() - start) / 1e9;
        }
        return new double[] {median(times), loss};
    }

    /** Encog's Elman (or Jordan) 1-6-1 on the same 300 steps, one RPROP iteration per epoch, after 2,000 untimed ones. */
    static Epochs encog(boolean elman) {
        DataSet data = Rnn4j.create(ConfigFactory.parseString(
                "rnn4j.data { type = temporal-xor, sequences = 1, length = 300 }")).data();
        Sequence sequence = data.sequences().get(0);
        double[][] input = new double[300][1];
        double[][] ideal = new double[300][1];
        for (int t = 0; t < 300; t++) {
            input[t][0] = sequence.inputs().get(t, 0);
            ideal[t][0] = sequence.targets().get(t, 0);
        }
        BasicNetwork network;
        if (elman) {
            ElmanPattern pattern = new ElmanPattern();
            pattern.setActivationFunction(new ActivationTANH());
            pattern.setInputNeurons(1);
            pattern.addHiddenLayer(6);
            pattern.setOutputNeurons(1);
            network = (BasicNetwork) pattern.generate();
        } else {
            JordanPattern pattern = new JordanPattern();
            pattern.setActivationFunction(new ActivationSigmoid());
            pattern.setInputNeurons(1);
            pattern.addHiddenLayer(6);
            pattern.setOutputNeurons(1);
            network = (BasicNetwork) pattern.generate();
        }
        network.reset(1);
        ResilientPropagation train = new ResilientPropagation(network, new BasicMLDataSet(input, ideal));
        train.setThreadCount(1);
        for (int i = 0; i < 2000; i++) {
            train.iteration();
        }
        return new Epochs() {
            @Override
            public void run() {
                train.iteration();
            }

            @Override
            public double loss() {
                train.finishTraining();
                return train.getError();
            }
        };
    }

    /** Seconds per RTRL step of a fully recurrent net of {@code n} units, p, n²·p, and the (n×n)·(n×p) GEMM rate. */
    static double[] rtrl(int n) {
        Network network = Networks.build("fully-recurrent", n, 1, 1);
        SplittableRandom random = new SplittableRandom(2);
        DMatrixRMaj x = new DMatrixRMaj(200, 1);
        DMatrixRMaj y = new DMatrixRMaj(200, 1);
        for (int t = 0; t < 200; t++) {
            x.data[t] = random.nextInt(2);
            y.data[t] = random.nextInt(2);
        }
        DataSet data = new DataSet("bits", 1, 1, List.of(new Sequence(x, y)), List.of());
        var adam = new AdamOptimizer().create(ConfigFactory.parseString(
                "learning-rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8"), network.parameters());
        TrainingSession session = new RtrlTrainer().start(new TrainingSetup(ConfigFactory.parseString(
                "update = step, teacher-forcing = false"), network, data, new MeanSquaredError(), adam, 1, TrainingListener.NONE));
        int epochs = n <= 16 ? 40 : n <= 32 ? 10 : 4;
        double perEpoch = timeEpochs(session, epochs, epochs)[0];
        int p = network.parameters().size();
        double multiplyAdds = (double) n * n * p;
        DMatrixRMaj j = Networks.random(n, n, 3);
        DMatrixRMaj sensitivity = Networks.random(n, p, 4);
        DMatrixRMaj product = new DMatrixRMaj(n, p);
        double[] gemm = new double[30];
        for (int r = 0; r < 10; r++) {
            org.rnn4j.api.graph.MatrixKernels.best().mult(j, sensitivity, product);
        }
        for (int r = 0; r < gemm.length; r++) {
            long start = System.nanoTime();
            org.rnn4j.api.graph.MatrixKernels.best().mult(j, sensitivity, product);
            gemm[r] = (System.nanoTime() - start) / 1e9;
        }
        return new double[] {perEpoch / 200, p, multiplyAdds, 2 * multiplyAdds / median(gemm) / 1e9};
    }

    static double allocationBptt(String topology) {
        Network network = Networks.build(topology, 64, 64, 64);
        int batch = 32;
        StepCache cache = network.newStepCache(batch);
        DMatrixRMaj state = Networks.random(batch, network.stateSize(), 1);
        DMatrixRMaj input = Networks.random(batch, 64, 2);
        DMatrixRMaj dy = Networks.random(batch, 64, 3);
        DMatrixRMaj ds = Networks.random(batch, network.stateSize(), 4);
        DMatrixRMaj dsPrevious = new DMatrixRMaj(batch, network.stateSize());
        Parameters gradient = network.parameters().zerosLike();
        Runnable step = () -> {
            network.forward(state, input, cache);
            network.backward(cache, dy, ds, gradient, dsPrevious, null);
        };
        return bytesPerRun(step);
    }

    /** Bytes per step of full BPTT's unrolled window: forward and backward through 10 steps at once. */
    static double allocationWindow(String topology) {
        Network network = Networks.build(topology, 64, 64, 64);
        int batch = 32;
        int steps = 10;
        Unrolled window = network.unroll(batch, steps);
        DMatrixRMaj state = Networks.random(batch, network.stateSize(), 1);
        List<DMatrixRMaj> inputs = new ArrayList<>();
        List<DMatrixRMaj> dy = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            inputs.add(Networks.random(batch, 64, 2 + t));
            dy.add(Networks.random(batch, 64, 20 + t));
        }
        DMatrixRMaj ds = new DMatrixRMaj(batch, network.stateSize());
        Parameters gradient = network.parameters().zerosLike();
        Runnable run = () -> {
            window.forward(state, inputs);
            ds.zero();
            window.backward(dy, ds, gradient);
        };
        return bytesPerRun(run, 3_000, 1_000) / steps;
    }

    static double allocationRtrl(String topology) {
        Network network = Networks.build(topology, 16, 16, 16);
        StepCache cache = network.newStepCache(1);
        DMatrixRMaj state = Networks.random(1, network.stateSize(), 1);
        DMatrixRMaj input = Networks.random(1, 16, 2);
        int n = network.stateSize();
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        DMatrixRMaj sensitivity = Networks.random(n, network.parameters().size(), 3);
        DMatrixRMaj next = new DMatrixRMaj(n, network.parameters().size());
        Runnable step = () -> {
            network.forward(state, input, cache);
            network.stateJacobian(cache, 0, jacobian);
            CommonOps_DDRM.mult(jacobian, sensitivity, next);
            network.addParameterJacobian(cache, 0, next);
        };
        return bytesPerRun(step);
    }

    private static double bytesPerRun(Runnable step) {
        return bytesPerRun(step, 20_000, 10_000);
    }

    private static double bytesPerRun(Runnable step, int warmup, int runs) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < runs; i++) {
            step.run();
        }
        long after = threads.getThreadAllocatedBytes(id);
        return (double) (after - before) / runs;
    }

    /** PyTorch's figures for {@code workloads} on {@code threads} threads in {@code dtype}, or null when it cannot run. */
    private static JsonNode torch(int threads, String dtype, String workloads) throws Exception {
        ProcessBuilder builder = torchScript(threads, dtype, workloads);
        if (builder == null) {
            return null;
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.err.println("PyTorch side failed: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            return null;
        }
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
    }

    /** {@code torch_compare.py} with these arguments on {@code threads} threads, or null where there is no PyTorch script. */
    private static ProcessBuilder torchScript(int threads, String... arguments) {
        Path python = Path.of("/usr/bin/python3");
        Path script = Path.of(System.getProperty("rnn4j.torch-script", "benchmarks/torch_compare.py"));
        if (!Files.isExecutable(python) || !Files.exists(script)) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), String.valueOf(threads)));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        return builder;
    }

    /**
     * PyTorch's (b) as one of the systems timed in turns: {@code torch_compare.py THREADS DTYPE --serve large},
     * warmed up by the same 5 untimed batches as rnn4j's side, then one batch an epoch, timed by Python
     * itself (not the pipe's round trip).
     */
    static final class TorchLarge implements Epochs, AutoCloseable {
        private static final long SETTLE_MILLIS = 200;
        private final Process process;
        private final java.io.PrintWriter commands;
        private final java.io.BufferedReader answers;
        private final Path errors;
        private final int threads;
        private double loss;

        private TorchLarge(Process process, Path errors, int threads) {
            this.process = process;
            this.errors = errors;
            this.threads = threads;
            this.commands = new java.io.PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.answers = process.inputReader(StandardCharsets.UTF_8);
        }

        /** Started and warmed up, or null (said on standard error) where PyTorch is missing or fails. */
        static TorchLarge start(int threads, String dtype) throws Exception {
            ProcessBuilder builder = torchScript(threads, dtype, "--serve", "large");
            if (builder == null) {
                return null;
            }
            Path errors = Files.createTempFile("torch-large", ".err");
            TorchLarge peer = new TorchLarge(builder.redirectError(errors.toFile()).start(), errors, threads);
            if (!"ready".equals(peer.answers.readLine())) {
                peer.close();
                return null;
            }
            return peer;
        }

        @Override
        public double timed() {
            commands.println(1);
            try {
                String answer = answers.readLine();
                if (answer == null) {
                    throw new IllegalStateException("PyTorch side ended: " + Files.readString(errors));
                }
                JsonNode batch = JSON.readTree(answer);
                loss = batch.path("loss").asDouble();
                if (threads > 1) {
                    // OpenBLAS's threads wait busily for a while after a product (2^28 cycles, about 0.1 s)
                    // before they sleep: on the cores the next system's batch is timed on.
                    Thread.sleep(SETTLE_MILLIS);
                }
                return batch.path("seconds").path(0).asDouble();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void run() {
            timed();
        }

        @Override
        public double loss() {
            return loss;
        }

        @Override
        public void close() throws Exception {
            commands.close();
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                System.err.println("PyTorch side failed: " + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
        }
    }

    /**
     * (d)'s step product, 16 × 16 × 16 by the kernels (c += a · b), {@value #PRODUCTS} times as an epoch:
     * on one thread, or split over {@code threads} (the caller's and a pool's), each with operands of
     * its own. How much faster several threads do them than one is what the host allows that
     * arithmetic at that moment — at times much less than the loop of square roots timed here before
     * showed; likeliest, the two virtual cores then share one physical core's multiply-add units
     * (docs/performance.md, tenth round).
     */
    static final class SplitProducts implements Epochs, AutoCloseable {
        static final int PRODUCTS = 4_000;
        private static final org.rnn4j.api.graph.MatrixKernels KERNELS = org.rnn4j.api.graph.MatrixKernels.best();
        private final List<Runnable> shares = new ArrayList<>();
        private final ExecutorService others;

        SplitProducts(int threads) {
            for (int t = 0; t < threads; t++) {
                double[] a = Networks.random(16, 16, 3).data;
                double[] b = Networks.random(16, 16, 4).data;
                double[] c = new double[16 * 16];
                shares.add(() -> {
                    for (int p = 0; p < PRODUCTS / threads; p++) {
                        KERNELS.multAdd(16, 16, 16, a, 0, b, 0, c, 0);
                    }
                    SINK.add(c[0]);  // kept, so that the loop is not optimised away
                });
            }
            this.others = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        }

        @Override
        public void run() {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable share : shares.subList(1, shares.size())) {
                running.add(others.submit(share));
            }
            shares.get(0).run();
            try {
                for (Future<?> share : running) {
                    share.get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public double loss() {
            return Double.NaN;
        }

        @Override
        public void close() {
            others.shutdownNow();
        }
    }

    private static final java.util.concurrent.atomic.DoubleAdder SINK = new java.util.concurrent.atomic.DoubleAdder();

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
