package org.rnn4j.trainers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.Batch;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/** RTRL over mini-batches: one sensitivity matrix per sequence of the batch ({@link Sensitivities}), carried forward step by step. */
final class RtrlSession implements TrainingSession {

    private final TrainingSetup setup;
    private final Network network;
    private final Loss loss;
    private final List<Sequence> sequences;
    private final boolean online;
    private final boolean teacherForcing;
    private final int outputColumn;
    private final Batch batch;
    private final int[] order;
    private final Parameters gradient;
    private final Parameters direct;
    private final double[] flat;
    private final double[] accumulated;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private int epoch;
    private int updates;
    private boolean stopped;

    RtrlSession(TrainingSetup setup, boolean online, boolean teacherForcing) {
        this.setup = setup;
        this.network = setup.network();
        this.loss = setup.loss();
        this.sequences = setup.data().sequences();
        this.online = online;
        this.teacherForcing = teacherForcing;
        this.outputColumn = network.outputStateOffset();
        this.batch = new Batch(network.inputSize(), network.outputSize());
        this.order = new int[sequences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.gradient = network.parameters().zerosLike();
        this.direct = network.parameters().zerosLike();
        this.flat = new double[network.parameters().size()];
        this.accumulated = new double[network.parameters().size()];
    }

    @Override
    public double runEpoch(int epoch, RandomGenerator random) {
        this.epoch = epoch;
        this.updates = 0;
        this.stopped = false;
        Shuffle.shuffle(order, random);  // from the identity order: an epoch depends on its stream alone
        int batchSize = setup.batchSize();
        int batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        long targets = 0;
        for (int b = 0; b < batches && !stopped; b++) {
            int from = b * batchSize;
            batch.fill(sequences, order, from, Math.min(order.length, from + batchSize));
            lossSum += train(batch);
            targets += batch.targetCount();
        }
        return targets == 0 ? 0 : lossSum / targets;
    }

    /** Runs one batch forward with its sensitivities, updating as configured; returns the summed loss. */
    private double train(Batch batch) {
        int rows = batch.size();
        int p = flat.length;
        Workspace work = workspaces.computeIfAbsent(rows, Workspace::new);
        network.initialState(work.state);
        work.sensitivities.reset();
        java.util.Arrays.fill(accumulated, 0);
        double total = 0;
        int totalTargets = 0;
        for (int t = 0; t < batch.length() && !stopped; t++) {
            StepCache cache = work.caches[t % 2];
            network.forward(work.state, batch.input(t), cache);

            work.outputGradient.zero();
            double stepLoss = 0;
            int stepTargets = 0;
            for (int row = 0; row < rows; row++) {
                if (batch.hasTarget(t, row)) {
                    stepLoss += loss.evaluate(cache.output(), batch.target(t), row, 1.0, work.outputGradient);
                    stepTargets++;
                }
            }
            if (stepTargets > 0) {
                // ∂L_t/∂θ = the step's direct part + (∂L_t/∂s_{t-1}) · P_{t-1}, before P moves on.
                direct.zero();
                network.backward(cache, work.outputGradient, work.noStateGradient, direct, work.previousGradient, null);
                direct.flatten(flat);
                work.sensitivities.addGradient(work.previousGradient, flat);
            }

            work.sensitivities.advance(cache);
            work.state.setTo(cache.state());
            if (teacherForcing) {
                force(batch, t, work);
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

    /** What one batch size needs: two step caches, sensitivities per sequence, step buffers. */
    private final class Workspace {
        final StepCache[] caches;
        final Sensitivities sensitivities;
        final DMatrixRMaj state;
        final DMatrixRMaj outputGradient;
        final DMatrixRMaj noStateGradient;
        final DMatrixRMaj previousGradient;

        Workspace(int rows) {
            int n = network.stateSize();
            caches = new StepCache[] {network.newStepCache(rows), network.newStepCache(rows)};
            sensitivities = new Sensitivities(network, rows);
            state = new DMatrixRMaj(rows, n);
            outputGradient = new DMatrixRMaj(rows, network.outputSize());
            noStateGradient = new DMatrixRMaj(rows, n);
            previousGradient = new DMatrixRMaj(rows, n);
        }
    }
}
