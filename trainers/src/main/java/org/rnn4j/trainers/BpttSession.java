package org.rnn4j.trainers;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * BPTT over mini-batches, full or truncated. Full BPTT runs each batch through the network
 * unrolled over its steps ({@link Network#unroll}), which may compute a window faster than step
 * by step; truncated BPTT keeps the unfolded steps in a ring of step caches as long as the
 * truncation window. Workspaces are kept per batch size, so steady state allocates nothing.
 */
final class BpttSession implements TrainingSession {

    private final TrainingSetup setup;
    private final Network network;
    private final Loss loss;
    private final List<Sequence> sequences;
    private final Parameters gradient;
    private final Batch batch;
    private final int[] order;
    private final int k1;
    private final int k2;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private int epoch;
    private int batchIndex;
    private int batches;
    private boolean stopped;

    /** @param k1 steps between updates, 0 for full BPTT; @param k2 steps back-propagated through */
    BpttSession(TrainingSetup setup, int k1, int k2) {
        this.setup = setup;
        this.network = setup.network();
        this.loss = setup.loss();
        this.sequences = setup.data().sequences();
        this.gradient = network.parameters().zerosLike();
        this.batch = new Batch(network.inputSize(), network.outputSize());
        this.order = new int[sequences.size()];
        this.k1 = k1;
        this.k2 = k2;
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
            int from = (batchIndex - 1) * batchSize;
            batch.fill(sequences, order, from, Math.min(order.length, from + batchSize));
            lossSum += train(batch);
            targets += batch.targetCount();
        }
        return targets == 0 ? 0 : lossSum / targets;
    }

    /** Trains on one batch, updating once (full BPTT) or every k1 steps; returns the summed loss. */
    private double train(Batch batch) {
        return k1 == 0 ? trainWhole(batch) : trainTruncated(batch);
    }

    /**
     * Full BPTT: the whole batch forward through the network unrolled over its steps, the
     * losses, then back-propagation through all of them and one update.
     */
    private double trainWhole(Batch batch) {
        int rows = batch.size();
        int steps = batch.length();
        Workspace work = workspaces.computeIfAbsent(rows, Workspace::new);
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
        int targets = batch.targetCount();
        if (targets > 0) {
            gradient.zero();
            work.stateGradient.zero();
            unrolled.backward(work.steps.outputGradients, work.stateGradient, gradient);
            update(total, targets);
        }
        return total;
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

    /** Truncated BPTT: an update every k1 steps, back-propagated through the last k2. */
    private double trainTruncated(Batch batch) {
        int rows = batch.size();
        int steps = batch.length();
        int chunk = k1;
        int window = k2;
        Workspace work = workspaces.computeIfAbsent(rows, Workspace::new);
        work.ensureOutputGradients(window);
        work.ensureCaches(window);
        DMatrixRMaj state = work.state;
        network.initialState(state);
        DMatrixRMaj previous = state;
        double total = 0;
        double chunkLoss = 0;
        int chunkTargets = 0;
        int chunkStart = 0;
        for (int t = 0; t < steps; t++) {
            int slot = t % window;
            StepCache cache = work.caches.get(slot);
            network.forward(previous, batch.input(t), cache);
            if (window > 1) {
                previous = cache.state();  // the next step writes another slot: no copy needed
            } else {
                state.setTo(cache.state());  // the next step overwrites this very cache
                previous = state;
            }
            chunkLoss += stepLoss(batch, t, cache.output(), work.outputGradients.get(slot));
            for (int row = 0; row < rows; row++) {
                chunkTargets += batch.hasTarget(t, row) ? 1 : 0;
            }
            if (t + 1 - chunkStart == chunk || t == steps - 1) {
                if (chunkTargets > 0) {
                    backPropagate(work, t, chunkStart, window);
                    update(chunkLoss, chunkTargets);
                }
                total += chunkLoss;
                chunkLoss = 0;
                chunkTargets = 0;
                chunkStart = t + 1;
                if (stopped) {
                    break;
                }
            }
        }
        return total;
    }

    /**
     * Leaves in {@link #gradient} the gradient of the losses of steps chunkStart … last,
     * back-propagated from {@code last} through at most {@code window} steps.
     */
    private void backPropagate(Workspace work, int last, int chunkStart, int window) {
        gradient.zero();
        work.stateGradient.zero();
        work.steps.select(Math.max(0, last - window + 1), last, window, chunkStart);
        network.backwardThroughTime(work.steps.caches, work.steps.outputGradients, work.stateGradient, work.previousGradient,
                gradient);
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
