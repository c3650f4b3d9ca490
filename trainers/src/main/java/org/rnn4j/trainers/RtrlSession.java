package org.rnn4j.trainers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.Batch;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.RowChunks;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * RTRL over mini-batches — exact, SnAp-1 or UORO, by the {@link Influence} it is given — carried
 * forward step by step for every sequence of the batch. A batch is computed in chunks of rows ({@link RowChunks}), each
 * step of each chunk in parallel when the network allows; the chunks' gradients are summed in chunk
 * order, so the results depend on the chunk size, not on the thread count.
 */
final class RtrlSession implements TrainingSession {

    private final TrainingSetup setup;
    private final Network network;
    private final Loss loss;
    private final List<Sequence> sequences;
    private final boolean online;
    private final boolean teacherForcing;
    private final int outputColumn;
    private final int[] order;
    private final Parameters gradient;
    private final double[] flat;
    private final double[] accumulated;
    private final RowChunks chunks;
    private final List<Part> parts = new ArrayList<>();
    private final IntConsumer stepChunk = this::stepChunk;
    private final Influence.Kind influence;
    /** Drawn from each epoch's random stream: the seeds of its chunks' random numbers (UORO's signs). */
    private long epochSeed;
    private int batchIndex;
    private int epoch;
    private int updates;
    private boolean stopped;
    /** The batch being trained: its sequences are order[batchFrom … batchFrom + batchRows − 1]. */
    private int batchFrom;
    private int batchRows;
    /** The step being computed. */
    private int step;

    RtrlSession(TrainingSetup setup, boolean online, boolean teacherForcing, Influence.Kind influence) {
        this.setup = setup;
        this.influence = influence;
        this.network = setup.network();
        this.loss = setup.loss();
        this.sequences = setup.data().sequences();
        this.online = online;
        this.teacherForcing = teacherForcing;
        this.outputColumn = network.outputStateOffset();
        this.order = new int[sequences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.gradient = network.parameters().zerosLike();
        this.flat = new double[network.parameters().size()];
        this.accumulated = new double[network.parameters().size()];
        this.chunks = RowChunks.of(setup.settings(), network);
    }

    @Override
    public double runEpoch(int epoch, RandomGenerator random) {
        this.epoch = epoch;
        this.updates = 0;
        this.stopped = false;
        Shuffle.shuffle(order, random);  // from the identity order: an epoch depends on its stream alone
        epochSeed = random.nextLong();
        int batchSize = setup.batchSize();
        int batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        long targets = 0;
        for (int b = 0; b < batches && !stopped; b++) {
            batchIndex = b;
            batchFrom = b * batchSize;
            batchRows = Math.min(order.length, batchFrom + batchSize) - batchFrom;
            int count = chunks.count(batchRows);
            while (parts.size() < count) {
                parts.add(new Part(parts.isEmpty() ? flat : new double[flat.length]));
            }
            lossSum += train(count);
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

    /** Runs one batch forward with its sensitivities, updating as configured; returns the summed loss. */
    private double train(int count) {
        int p = flat.length;
        int steps = 0;
        for (int c = 0; c < count; c++) {
            Part part = parts.get(c);
            part.batch.fill(sequences, order, batchFrom + chunks.from(c), batchFrom + chunks.to(c, batchRows));
            Workspace work = part.workspace(part.batch.size());
            network.initialState(work.state);
            work.sensitivities.reset();
            // Per batch and chunk, not per thread: the same numbers whichever thread runs the chunk.
            work.sensitivities.reseed(epochSeed ^ (0x9E3779B97F4A7C15L * (1 + batchIndex * 65_537L + c)));
            steps = Math.max(steps, part.batch.length());
        }
        java.util.Arrays.fill(accumulated, 0);
        double total = 0;
        int totalTargets = 0;
        for (step = 0; step < steps && !stopped; step++) {
            chunks.run(count, stepChunk);
            double stepLoss = 0;
            int stepTargets = 0;
            boolean holdsGradient = parts.get(0).targets > 0;  // flat is chunk 0's: the others are added to it
            for (int c = 0; c < count; c++) {
                Part part = parts.get(c);
                stepLoss += part.loss;
                stepTargets += part.targets;
                if (c > 0 && part.targets > 0) {
                    if (!holdsGradient) {
                        java.util.Arrays.fill(flat, 0);
                        holdsGradient = true;
                    }
                    for (int i = 0; i < p; i++) {
                        flat[i] += part.flat[i];
                    }
                }
            }
            if (stepTargets > 0) {
                total += stepLoss;
                totalTargets += stepTargets;
                if (online) {
                    apply(flat, 1.0 / stepTargets, stepLoss / stepTargets);
                } else {
                    for (int i = 0; i < p; i++) {
                        accumulated[i] += flat[i];
                    }
                }
            }
        }
        if (!online && totalTargets > 0 && !stopped) {
            apply(accumulated, 1.0 / totalTargets, total / totalTargets);
        }
        return total;
    }

    /** Step {@link #step} of chunk {@code c}: forward, its loss and gradient (into its part's flat), sensitivities on. */
    private void stepChunk(int c) {
        Part part = parts.get(c);
        Batch batch = part.batch;
        part.loss = 0;
        part.targets = 0;
        int t = step;
        if (t >= batch.length()) {
            return;
        }
        int rows = batch.size();
        Workspace work = part.workspace(rows);
        StepCache cache = work.caches[t % 2];
        network.forward(work.state, batch.input(t), cache);

        work.outputGradient.zero();
        for (int row = 0; row < rows; row++) {
            if (batch.hasTarget(t, row)) {
                part.loss += loss.evaluate(cache.output(), batch.target(t), row, 1.0, work.outputGradient);
                part.targets++;
            }
        }
        if (part.targets > 0) {
            // ∂L_t/∂θ = the step's direct part + (∂L_t/∂s_{t-1}) · P_{t-1}, before P moves on.
            part.direct.zero();
            network.backward(cache, work.outputGradient, work.noStateGradient, part.direct, work.previousGradient, null);
            part.direct.flatten(part.flat);
            work.sensitivities.addGradient(work.previousGradient, part.flat);
        }

        work.sensitivities.advance(cache);
        work.state.setTo(cache.state());
        if (teacherForcing) {
            force(batch, t, work);
        }
    }

    /** Teacher forcing: the outputs fed back become the targets, which do not depend on θ. */
    private void force(Batch batch, int t, Workspace work) {
        int n = network.stateSize();
        int outputs = network.outputSize();
        for (int row = 0; row < batch.size(); row++) {
            if (batch.hasTarget(t, row)) {
                System.arraycopy(batch.target(t).data, row * outputs, work.state.data, row * n + outputColumn, outputs);
                work.sensitivities.clearColumns(row, outputColumn, outputs);
            }
        }
    }

    private void apply(double[] summed, double scale, double meanLoss) {
        for (int i = 0; i < summed.length; i++) {
            flat[i] = summed[i] * scale;
        }
        gradient.unflatten(flat);
        setup.updater().update(network.parameters(), gradient);
        setup.listener().onBatch(new BatchEvent(epoch, ++updates, 0, meanLoss));
        stopped |= setup.listener().stopRequested();
    }

    /** One chunk's share of a batch: its sequences, workspaces and the gradient of its step. */
    private final class Part {
        final Batch batch = new Batch(network.inputSize(), network.outputSize());
        final Map<Integer, Workspace> workspaces = new HashMap<>();
        final Parameters direct = network.parameters().zerosLike();
        final double[] flat;
        double loss;
        int targets;

        Part(double[] flat) {
            this.flat = flat;
        }

        Workspace workspace(int rows) {
            return workspaces.computeIfAbsent(rows, Workspace::new);
        }
    }

    /** What one batch size needs: two step caches, sensitivities per sequence, step buffers. */
    private final class Workspace {
        final StepCache[] caches;
        final Influence sensitivities;
        final DMatrixRMaj state;
        final DMatrixRMaj outputGradient;
        final DMatrixRMaj noStateGradient;
        final DMatrixRMaj previousGradient;

        Workspace(int rows) {
            int n = network.stateSize();
            caches = new StepCache[] {network.newStepCache(rows), network.newStepCache(rows)};
            sensitivities = influence.make(network, rows);
            state = new DMatrixRMaj(rows, n);
            outputGradient = new DMatrixRMaj(rows, network.outputSize());
            noStateGradient = new DMatrixRMaj(rows, n);
            previousGradient = new DMatrixRMaj(rows, n);
        }
    }
}
