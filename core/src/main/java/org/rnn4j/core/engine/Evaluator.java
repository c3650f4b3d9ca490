package org.rnn4j.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.Batch;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.data.TaskMetric;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.core.data.Normalization;

/** Runs a network over a data set without changing it: loss per step, predictions, task metrics. */
public final class Evaluator {

    private static final int BATCH = 64;

    private Evaluator() {
    }

    /** The loss and the task metrics of {@code network} on {@code data}, called {@code dataName} in reports. */
    public static Evaluation evaluate(Network network, Loss loss, DataSet data, String dataName) {
        return evaluate(network, loss, data, dataName, null);
    }

    /**
     * As {@link #evaluate(Network, Loss, DataSet, String)} for a network trained on data scaled by
     * {@code normalization} (may be null): the loss is on the scaled values, the task's metrics on
     * {@code original}'s values with the predictions scaled back.
     */
    public static Evaluation evaluate(Network network, Loss loss, DataSet original, String dataName, Normalization normalization) {
        DataSet data = normalization == null ? original : normalization.apply(original);
        List<Sequence> sequences = data.sequences();
        List<DMatrixRMaj> predictions = new ArrayList<>(sequences.size());
        for (Sequence sequence : sequences) {
            predictions.add(new DMatrixRMaj(sequence.length(), data.outputSize()));
        }
        int[] order = IntStream.range(0, sequences.size()).toArray();
        Batch batch = new Batch(data.inputSize(), data.outputSize());
        double lossSum = 0;
        long count = 0;
        for (int from = 0; from < sequences.size(); from += BATCH) {
            int to = Math.min(sequences.size(), from + BATCH);
            batch.fill(sequences, order, from, to);
            int rows = batch.size();
            StepCache[] caches = {network.newStepCache(rows), network.newStepCache(rows)};
            DMatrixRMaj state = new DMatrixRMaj(rows, network.stateSize());
            network.initialState(state);
            DMatrixRMaj prediction = new DMatrixRMaj(rows, data.outputSize());
            for (int t = 0; t < batch.length(); t++) {
                StepCache cache = caches[t % 2];
                network.forward(state, batch.input(t), cache);
                state = cache.state();
                for (int b = 0; b < rows; b++) {
                    Sequence sequence = sequences.get(from + b);
                    if (t >= sequence.length()) {
                        continue;
                    }
                    if (batch.hasTarget(t, b)) {
                        lossSum += loss.evaluate(cache.output(), batch.target(t), b, 0, null);
                        count++;
                    }
                    loss.predict(cache.output(), b, prediction);
                    System.arraycopy(prediction.data, b * data.outputSize(),
                            predictions.get(from + b).data, t * data.outputSize(), data.outputSize());
                }
            }
        }
        if (normalization != null) {
            for (DMatrixRMaj prediction : predictions) {
                for (int t = 0; t < prediction.numRows; t++) {
                    normalization.denormalizeOutput(prediction.data, t * prediction.numCols);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (TaskMetric metric : original.metrics()) {
            metrics.put(metric.name(), metric.evaluate(original.sequences(), predictions));
        }
        return new Evaluation(dataName, sequences.size(), count == 0 ? Double.NaN : lossSum / count, count, metrics);
    }
}
