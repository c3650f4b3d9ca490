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
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.RowChunks;
import org.rnn4j.core.data.Encoding;

/**
 * Runs a network over a data set without changing it: loss per step, predictions, task metrics.
 * Sequences go through in batches of {@value #BATCH}, the batches on up to {@code threads} threads
 * when the network is {@link Network#concurrent()}; the losses are summed in the same order
 * whatever the thread count, so the figures are too.
 */
public final class Evaluator {

    private static final int BATCH = 64;

    private Evaluator() {
    }

    /**
     * The loss and the task's metrics of {@code network}, trained on data encoded by
     * {@code encoding}, on {@code original}, called {@code dataName} in reports: the loss is on
     * the encoded values, the task's metrics on {@code original}'s values with the predictions
     * decoded, on the steps a prediction can be made for.
     */
    public static Evaluation evaluate(Network network, Loss loss, DataSet original, String dataName, Encoding encoding,
                                      int threads) {
        return evaluate(network, loss, original, dataName, encoding, null, threads);
    }

    /** As above, with {@code baselines} (may be null) scored on the same steps beside the model. */
    static Evaluation evaluate(Network network, Loss loss, DataSet original, String dataName, Encoding encoding,
                               Baselines baselines, int threads) {
        DataSet data = encoding.encode(original);
        List<DMatrixRMaj> predictions = new ArrayList<>();
        double[][] losses = run(network, loss, data, encoding, predictions, true, threads);
        double lossSum = 0;
        long count = 0;
        for (double[] batch : losses) {
            for (double value : batch) {  // in the order of one thread: batch by batch, step by step, row by row
                lossSum += value;
            }
            count += batch.length;
        }
        encoding.restore(original, predictions);
        List<Sequence> scored = encoding.scorable(original).sequences();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (TaskMetric metric : original.metrics()) {
            metrics.put(metric.name(), metric.evaluate(scored, predictions));
        }
        if (baselines != null) {
            metrics.putAll(baselines.metrics(scored, predictions, unchanged(original, encoding)));
        }
        return new Evaluation(dataName, data.sequences().size(), count == 0 ? Double.NaN : lossSum / count, count,
                metrics);
    }

    /** For a differenced series, the forecasts of "no change" in the transformed series, undone; else null. */
    private static List<DMatrixRMaj> unchanged(DataSet original, Encoding encoding) {
        if (encoding.transform().lags().isEmpty()) {
            return null;
        }
        List<DMatrixRMaj> forecasts = new ArrayList<>();
        for (Sequence sequence : original.sequences()) {
            forecasts.add(new DMatrixRMaj(sequence.length(), original.outputSize()));
        }
        encoding.restore(original, forecasts);
        return forecasts;
    }

    /** {@code network}'s predictions for each of {@code data}'s sequences (steps × outputs), in the data's units. */
    public static List<DMatrixRMaj> predict(Network network, Loss loss, DataSet data, Encoding encoding, int threads) {
        List<DMatrixRMaj> predictions = new ArrayList<>();
        run(network, loss, encoding.encode(data), encoding, predictions, false, threads);
        encoding.restore(data, predictions);
        return predictions;
    }

    /**
     * {@code network} over {@code scaled} (encoded), its predictions unscaled but still transformed,
     * into {@code predictions}; with {@code losses}, returns per batch the loss of each step with a
     * target, step by step and row by row.
     */
    private static double[][] run(Network network, Loss loss, DataSet scaled, Encoding encoding,
                                  List<DMatrixRMaj> predictions, boolean losses, int threads) {
        List<Sequence> sequences = scaled.sequences();
        int outputs = scaled.outputSize();
        for (Sequence sequence : sequences) {
            predictions.add(new DMatrixRMaj(sequence.length(), outputs));
        }
        int[] order = IntStream.range(0, sequences.size()).toArray();
        int batches = (sequences.size() + BATCH - 1) / BATCH;
        double[][] batchLosses = new double[batches][];
        try (RowChunks team = new RowChunks(BATCH, network.concurrent() ? Math.max(1, Math.min(threads, batches)) : 1)) {
            team.run(batches, b -> {
                int from = team.from(b);
                Batch batch = new Batch(scaled.inputSize(), outputs);
                batch.fill(sequences, order, from, team.to(b, sequences.size()));
                int rows = batch.size();
                StepPredictor predictor = new StepPredictor(network, loss, encoding, scaled.inputNames(), rows);
                DMatrixRMaj work = new DMatrixRMaj(rows, outputs);
                double[] stepLosses = new double[losses ? batch.targetCount() : 0];
                int scored = 0;
                for (int t = 0; t < batch.length(); t++) {
                    StepCache cache = predictor.forward(batch.input(t));
                    for (int r = 0; r < rows; r++) {
                        if (t >= sequences.get(from + r).length()) {
                            continue;
                        }
                        if (losses && batch.hasTarget(t, r)) {
                            stepLosses[scored++] = loss.evaluate(cache.output(), batch.target(t), r, 0, null);
                        }
                        StepPredictor.predict(loss, encoding.normalization(), cache.output(), r, work,
                                predictions.get(from + r).data, t * outputs);
                    }
                }
                batchLosses[b] = stepLosses;
            });
        }
        return batchLosses;
    }
}
