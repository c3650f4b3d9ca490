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
import org.rnn4j.core.data.Encoding;

/** Runs a network over a data set without changing it: loss per step, predictions, task metrics. */
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
    public static Evaluation evaluate(Network network, Loss loss, DataSet original, String dataName, Encoding encoding) {
        return evaluate(network, loss, original, dataName, encoding, null);
    }

    /** As above, with {@code baselines} (may be null) scored on the same steps beside the model. */
    static Evaluation evaluate(Network network, Loss loss, DataSet original, String dataName, Encoding encoding,
                               Baselines baselines) {
        DataSet data = encoding.encode(original);
        List<DMatrixRMaj> predictions = new ArrayList<>();
        double[] lossSum = new double[1];
        long[] count = new long[1];
        run(network, loss, data, encoding, predictions, (cache, batch, t, b) -> {
            if (batch.hasTarget(t, b)) {
                lossSum[0] += loss.evaluate(cache.output(), batch.target(t), b, 0, null);
                count[0]++;
            }
        });
        encoding.restore(original, predictions);
        List<Sequence> scored = encoding.scorable(original).sequences();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (TaskMetric metric : original.metrics()) {
            metrics.put(metric.name(), metric.evaluate(scored, predictions));
        }
        if (baselines != null) {
            metrics.putAll(baselines.metrics(scored, predictions, unchanged(original, encoding)));
        }
        return new Evaluation(dataName, data.sequences().size(), count[0] == 0 ? Double.NaN : lossSum[0] / count[0], count[0],
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
    public static List<DMatrixRMaj> predict(Network network, Loss loss, DataSet data, Encoding encoding) {
        List<DMatrixRMaj> predictions = new ArrayList<>();
        run(network, loss, encoding.encode(data), encoding, predictions, (cache, batch, t, b) -> { });
        encoding.restore(data, predictions);
        return predictions;
    }

    /** What is done with each step of each sequence besides predicting it. */
    private interface StepVisitor {
        void visit(StepCache cache, Batch batch, int t, int row);
    }

    /** {@code network} over {@code scaled} (encoded), its predictions unscaled but still transformed. */
    private static void run(Network network, Loss loss, DataSet scaled, Encoding encoding,
                            List<DMatrixRMaj> predictions, StepVisitor visitor) {
        List<Sequence> sequences = scaled.sequences();
        int outputs = scaled.outputSize();
        for (Sequence sequence : sequences) {
            predictions.add(new DMatrixRMaj(sequence.length(), outputs));
        }
        int[] order = IntStream.range(0, sequences.size()).toArray();
        Batch batch = new Batch(scaled.inputSize(), outputs);
        for (int from = 0; from < sequences.size(); from += BATCH) {
            batch.fill(sequences, order, from, Math.min(sequences.size(), from + BATCH));
            int rows = batch.size();
            StepPredictor predictor = new StepPredictor(network, loss, encoding, scaled.inputNames(), rows);
            DMatrixRMaj work = new DMatrixRMaj(rows, outputs);
            for (int t = 0; t < batch.length(); t++) {
                StepCache cache = predictor.forward(batch.input(t));
                for (int b = 0; b < rows; b++) {
                    if (t >= sequences.get(from + b).length()) {
                        continue;
                    }
                    visitor.visit(cache, batch, t, b);
                    StepPredictor.predict(loss, encoding.normalization(), cache.output(), b, work, predictions.get(from + b).data, t * outputs);
                }
            }
        }
    }
}
