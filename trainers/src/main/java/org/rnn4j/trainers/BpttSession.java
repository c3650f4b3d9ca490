package org.rnn4j.trainers;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.Batch;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.RowChunks;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * BPTT over mini-batches, full or truncated. Full BPTT runs each batch through the network
 * unrolled over its steps ({@link Network#unroll}), which may compute a window faster than step
 * by step; truncated BPTT keeps the unfolded steps in a ring of step caches as long as the
 * truncation window. A batch is computed in chunks of rows ({@link RowChunks}), in parallel when
 * the network allows, their gradients summed in chunk order: the results depend on the chunk size,
 * not on the thread count. Workspaces are kept per chunk and size, so steady state allocates nothing.
 */
final class BpttSession implements TrainingSession {

    private final TrainingSetup setup;
    private final Network network;
    private final Loss loss;
    private final List<Sequence> sequences;
    private final Parameters gradient;
    private final int[] order;
    private final int k1;
    private final int k2;
    private final RowChunks chunks;
    private final List<Part> parts = new ArrayList<>();
    private final IntConsumer wholeChunk = this::trainWholeChunk;
    private final IntConsumer windowChunk = this::trainWindowChunk;
    private int epoch;
    private int batchIndex;
    private int batches;
    private boolean stopped;
    /** The batch being trained: its sequences are order[batchFrom … batchFrom + batchRows − 1]. */
    private int batchFrom;
    private int batchRows;
    /** Truncated BPTT's window being trained: steps windowStart … windowEnd − 1. */
    private int windowStart;
    private int windowEnd;

    /** @param k1 steps between updates, 0 for full BPTT; @param k2 steps back-propagated through */
    BpttSession(TrainingSetup setup, int k1, int k2) {
        this.setup = setup;
        this.network = setup.network();
        this.loss = setup.loss();
        this.sequences = setup.data().sequences();
        this.gradient = network.parameters().zerosLike();
        this.order = new int[sequences.size()];
        this.k1 = k1;
        this.k2 = k2;
        this.chunks = RowChunks.of(setup.settings(), network);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    @Override
    public double runEpoch(int epoch, RandomGenerator random) {
        this.epoch = epoch;
        Shuffle.shuffle(order, random);  // from the identity order: an epoch depends on its stream alone
        int batchSize = setup.batchSize();
        batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        long targets = 0;
        stopped = false;
        for (batchIndex = 1; batchIndex <= batches && !stopped; batchIndex++) {
            batchFrom = (batchIndex - 1) * batchSize;
            batchRows = Math.min(order.length, batchFrom + batchSize) - batchFrom;
            int count = chunks.count(batchRows);
            while (parts.size() < count) {
                parts.add(new Part(parts.isEmpty() ? gradient : network.parameters().zerosLike()));
            }
            lossSum += k1 == 0 ? trainWhole(count) : trainTruncated(count);
            for (int c = 0; c < count; c++) {
                targets += parts.get(c).batch.targetCount();
            }
        }
        return targets == 0 ? 0 : lossSum / targets;
    }

    @Override
    public void close() {
        chunks.close();
    }

    /**
     * Full BPTT: each chunk of the batch forward through the network unrolled over its steps, the
     * losses, then back-propagation through all of them — the chunks in parallel — and one update
     * with their gradients summed in chunk order. Returns the summed loss.
     */
    private double trainWhole(int count) {
        return runAndUpdate(count, wholeChunk);
    }

    /**
     * Runs {@code task} on the batch's {@code count} chunks, then — if they had targets — one update
     * with their gradients summed in chunk order. Returns their summed loss.
     */
    private double runAndUpdate(int count, IntConsumer task) {
        chunks.run(count, task);
        double loss = 0;
        int targets = 0;
        for (int c = 0; c < count; c++) {
            loss += parts.get(c).loss;
            targets += parts.get(c).targets;
        }
        if (targets > 0) {
            sumGradients(count);
            update(loss, targets);
        }
        return loss;
    }

    /** Chunk {@code c} of the batch: its part's loss, target count and gradient (chunk 0's is {@link #gradient}). */
    private void trainWholeChunk(int c) {
        Part part = parts.get(c);
        Batch batch = part.fill(c);
        int rows = batch.size();
        int steps = batch.length();
        Workspace work = part.workspace(rows);
        work.ensureOutputGradients(steps);
        if (work.unrolled == null || work.unrolled.capacity() < steps) {
            work.unrolled = network.unroll(rows, steps);  // once per batch size, and again only for a longer batch
        }
        Unrolled unrolled = work.unrolled;
        work.steps.select(0, steps - 1, steps, 0);  // for its view of the steps' output gradients
        network.initialState(work.state);
        unrolled.forward(work.state, batch.inputs());
        double total = 0;
        for (int t = 0; t < steps; t++) {
            total += stepLoss(batch, t, unrolled.output(t), work.outputGradients.get(t));
        }
        part.loss = total;
        part.targets = batch.targetCount();
        if (part.targets > 0) {
            part.gradient.zero();
            work.stateGradient.zero();
            unrolled.backward(work.steps.outputGradients, work.stateGradient, part.gradient);
        }
    }

    /** {@link #gradient} (chunk 0's) plus the other chunks' with targets, in chunk order. */
    private void sumGradients(int count) {
        if (parts.get(0).targets == 0) {
            gradient.zero();
        }
        for (int c = 1; c < count; c++) {
            Part part = parts.get(c);
            if (part.targets > 0) {
                List<Parameters.Block> into = gradient.blocks();
                List<Parameters.Block> from = part.gradient.blocks();
                for (int i = 0; i < into.size(); i++) {
                    CommonOps_DDRM.addEquals(into.get(i).value(), from.get(i).value());
                }
            }
        }
    }

    /**
     * The summed loss of step t's rows that have a target, whose gradients it writes into
     * {@code outputGradient}; the other rows' gradients it clears.
     */
    private double stepLoss(Batch batch, int t, DMatrixRMaj output, DMatrixRMaj outputGradient) {
        double sum = 0;
        int outputs = outputGradient.numCols;
        for (int row = 0; row < batch.size(); row++) {
            if (batch.hasTarget(t, row)) {
                sum += loss.evaluate(output, batch.target(t), row, 1.0, outputGradient);  // overwrites the row
            } else {
                Arrays.fill(outputGradient.data, row * outputs, (row + 1) * outputs, 0.0);
            }
        }
        return sum;
    }

    /** Applies {@link #gradient}, the summed gradient of {@code targets} losses summing to {@code loss}, and reports the batch. */
    private void update(double loss, int targets) {
        for (Parameters.Block block : gradient.blocks()) {
            CommonOps_DDRM.scale(1.0 / targets, block.value());
        }
        setup.updater().update(network.parameters(), gradient);
        setup.listener().onBatch(new BatchEvent(epoch, batchIndex, batches, loss / targets));
        stopped |= setup.listener().stopRequested();
    }

    /**
     * Truncated BPTT: an update every k1 steps, back-propagated through the last k2 — each window
     * of k1 steps computed chunk by chunk in parallel, the chunks' states carried on to the next.
     */
    private double trainTruncated(int count) {
        int steps = 0;
        for (int c = 0; c < count; c++) {
            Part part = parts.get(c);
            Batch batch = part.fill(c);
            Workspace work = part.workspace(batch.size());
            work.ensureOutputGradients(k2);
            work.ensureCaches(k2);
            network.initialState(work.state);
            part.previous = work.state;
            steps = Math.max(steps, batch.length());
        }
        double total = 0;
        for (windowStart = 0; windowStart < steps && !stopped; windowStart += k1) {
            windowEnd = Math.min(steps, windowStart + k1);
            total += runAndUpdate(count, windowChunk);
        }
        return total;
    }

    /** Chunk {@code c}'s steps of the current window forward, and its losses back-propagated through the last k2 steps. */
    private void trainWindowChunk(int c) {
        Part part = parts.get(c);
        Batch batch = part.batch;
        int rows = batch.size();
        int window = k2;
        Workspace work = part.workspace(rows);
        DMatrixRMaj state = work.state;
        int end = Math.min(windowEnd, batch.length());
        part.loss = 0;
        part.targets = 0;
        for (int t = windowStart; t < end; t++) {
            int slot = t % window;
            StepCache cache = work.caches.get(slot);
            network.forward(part.previous, batch.input(t), cache);
            if (window > 1) {
                part.previous = cache.state();  // the next step writes another slot: no copy needed
            } else {
                state.setTo(cache.state());  // the next step overwrites this very cache
                part.previous = state;
            }
            part.loss += stepLoss(batch, t, cache.output(), work.outputGradients.get(slot));
            for (int row = 0; row < rows; row++) {
                part.targets += batch.hasTarget(t, row) ? 1 : 0;
            }
        }
        if (part.targets > 0) {
            part.gradient.zero();
            work.stateGradient.zero();
            work.steps.select(Math.max(0, end - 1 - window + 1), end - 1, window, windowStart);
            network.backwardThroughTime(work.steps.caches, work.steps.outputGradients, work.stateGradient,
                    work.previousGradient, part.gradient);
        }
    }

    /** One chunk's share of a batch: its sequences, workspaces, gradient and figures. */
    private final class Part {
        final Batch batch = new Batch(network.inputSize(), network.outputSize());
        final Map<Integer, Workspace> workspaces = new HashMap<>();
        final Parameters gradient;
        double loss;
        int targets;
        /** Truncated BPTT: the state the next step starts from. */
        DMatrixRMaj previous;

        Part(Parameters gradient) {
            this.gradient = gradient;
        }

        /** The batch filled with chunk {@code c}'s sequences of the current batch. */
        Batch fill(int c) {
            batch.fill(sequences, order, batchFrom + chunks.from(c), batchFrom + chunks.to(c, batchRows));
            return batch;
        }

        Workspace workspace(int rows) {
            return workspaces.computeIfAbsent(rows, Workspace::new);
        }
    }

    /**
     * Steps first … last of the ring of step caches (step t in slot t % window), in time order, and
     * their output gradients (none before the chunk's first step): views, so that selecting them
     * allocates nothing.
     */
    private static final class Steps {
        private final Workspace work;
        private int first;
        private int firstSlot;
        private int count;
        private int window;
        private int chunkStart;
        final List<StepCache> caches = new AbstractList<>() {
            @Override
            public StepCache get(int i) {
                return work.caches.get(slot(i));
            }

            @Override
            public int size() {
                return count;
            }
        };
        final List<DMatrixRMaj> outputGradients = new AbstractList<>() {
            @Override
            public DMatrixRMaj get(int i) {
                return first + i >= chunkStart ? work.outputGradients.get(slot(i)) : work.noOutputGradient;
            }

            @Override
            public int size() {
                return count;
            }
        };

        Steps(Workspace work) {
            this.work = work;
        }

        void select(int first, int last, int window, int chunkStart) {
            this.first = first;
            this.firstSlot = first % window;
            this.count = last - first + 1;
            this.window = window;
            this.chunkStart = chunkStart;
        }

        private int slot(int i) {
            Objects.checkIndex(i, count);
            int slot = firstSlot + i;  // (first + i) % window, as count ≤ window, without a division per step
            return slot < window ? slot : slot - window;
        }
    }

    /**
     * The unfolded network for one batch size: full BPTT's unrolled network, or truncated BPTT's
     * step cache per step of the window; an output gradient per step.
     */
    private final class Workspace {
        final int rows;
        Unrolled unrolled;
        final List<StepCache> caches = new ArrayList<>();
        final List<DMatrixRMaj> outputGradients = new ArrayList<>();
        final DMatrixRMaj noOutputGradient;
        final DMatrixRMaj state;
        final DMatrixRMaj stateGradient;
        final DMatrixRMaj previousGradient;
        final Steps steps = new Steps(this);

        Workspace(int rows) {
            this.rows = rows;
            this.noOutputGradient = new DMatrixRMaj(rows, network.outputSize());
            this.state = new DMatrixRMaj(rows, network.stateSize());
            this.stateGradient = new DMatrixRMaj(rows, network.stateSize());
            this.previousGradient = new DMatrixRMaj(rows, network.stateSize());
        }

        void ensureOutputGradients(int steps) {
            while (outputGradients.size() < steps) {
                outputGradients.add(new DMatrixRMaj(rows, network.outputSize()));
            }
        }

        void ensureCaches(int steps) {
            while (caches.size() < steps) {
                caches.add(network.newStepCache(rows));
            }
        }
    }
}
