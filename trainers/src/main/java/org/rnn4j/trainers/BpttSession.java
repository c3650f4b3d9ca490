package org.rnn4j.trainers;

import java.util.ArrayList;
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

/** Full BPTT over each mini-batch; workspaces are kept per batch size, so steady state allocates nothing. */
final class BpttSession implements TrainingSession {

    private final TrainingSetup setup;
    private final Network network;
    private final Loss loss;
    private final List<Sequence> sequences;
    private final Parameters gradient;
    private final Batch batch;
    private final int[] order;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();

    BpttSession(TrainingSetup setup) {
        this.setup = setup;
        this.network = setup.network();
        this.loss = setup.loss();
        this.sequences = setup.data().sequences();
        this.gradient = network.parameters().zerosLike();
        this.batch = new Batch(network.inputSize(), network.outputSize());
        this.order = new int[sequences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    @Override
    public double runEpoch(int epoch, RandomGenerator random) {
        shuffle(random);
        int batchSize = setup.batchSize();
        int batches = (order.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        long targets = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            batch.fill(sequences, order, from, Math.min(order.length, from + batchSize));
            int count = batch.targetCount();
            if (count == 0) {
                continue;
            }
            double batchLoss = gradient(batch);
            setup.updater().update(network.parameters(), gradient);
            lossSum += batchLoss;
            targets += count;
            setup.listener().onBatch(new BatchEvent(epoch, b + 1, batches, batchLoss / count));
        }
        return targets == 0 ? 0 : lossSum / targets;
    }

    /**
     * Leaves the gradient of the batch's mean loss per target step in {@link #gradient} and
     * returns the batch's summed loss.
     */
    private double gradient(Batch batch) {
        int rows = batch.size();
        int steps = batch.length();
        Workspace work = workspaces.computeIfAbsent(rows, Workspace::new);
        work.ensureSteps(steps);
        double scale = 1.0 / batch.targetCount();
        double sum = 0;

        DMatrixRMaj state = work.initialState;
        network.initialState(state);
        for (int t = 0; t < steps; t++) {
            StepCache cache = work.caches.get(t);
            network.forward(state, batch.input(t), cache);
            state = cache.state();
            DMatrixRMaj outputGradient = work.outputGradients.get(t);
            outputGradient.zero();
            for (int row = 0; row < rows; row++) {
                if (batch.hasTarget(t, row)) {
                    sum += loss.evaluate(cache.output(), batch.target(t), row, scale, outputGradient);
                }
            }
        }

        gradient.zero();
        DMatrixRMaj stateGradient = work.stateGradient;
        DMatrixRMaj previousGradient = work.previousGradient;
        stateGradient.zero();
        for (int t = steps - 1; t >= 0; t--) {
            network.backward(work.caches.get(t), work.outputGradients.get(t), stateGradient, gradient, previousGradient, null);
            DMatrixRMaj swap = stateGradient;
            stateGradient = previousGradient;
            previousGradient = swap;
        }
        return sum;
    }

    private void shuffle(RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The unfolded network for one batch size: a step cache and an output gradient per step. */
    private final class Workspace {
        final int rows;
        final List<StepCache> caches = new ArrayList<>();
        final List<DMatrixRMaj> outputGradients = new ArrayList<>();
        final DMatrixRMaj initialState;
        final DMatrixRMaj stateGradient;
        final DMatrixRMaj previousGradient;

        Workspace(int rows) {
            this.rows = rows;
            this.initialState = new DMatrixRMaj(rows, network.stateSize());
            this.stateGradient = new DMatrixRMaj(rows, network.stateSize());
            this.previousGradient = new DMatrixRMaj(rows, network.stateSize());
        }

        void ensureSteps(int steps) {
            while (caches.size() < steps) {
                caches.add(network.newStepCache(rows));
                outputGradients.add(new DMatrixRMaj(rows, network.outputSize()));
            }
        }
    }
}
