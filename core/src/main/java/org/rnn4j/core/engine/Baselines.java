package org.rnn4j.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.Sequence;

/**
 * The naive forecasts every forecaster compares against, scored on exactly the steps the model is
 * scored on, in the data's own units: persistence (the previous step's value), seasonal naive (the
 * value one season before) and the training mean. Each gives its RMSE and MAE, and the model's
 * skill against it, 1 − RMSE(model) / RMSE(baseline): above 0 the model is better.
 *
 * @param trainingMean the mean of each target over the training steps
 * @param season       the season in steps, 0 for none (no seasonal naive)
 */
record Baselines(double[] trainingMean, int season) {

    /** The mean of each target over the steps that have one, in {@code sequences}. */
    static Baselines of(List<Sequence> sequences, int season) {
        int width = sequences.get(0).targets().numCols;
        double[] sum = new double[width];
        long count = 0;
        for (Sequence sequence : sequences) {
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.hasTarget(t)) {
                    for (int k = 0; k < width; k++) {
                        sum[k] += sequence.targets().get(t, k);
                    }
                    count++;
                }
            }
        }
        for (int k = 0; k < width; k++) {
            sum[k] = count == 0 ? Double.NaN : sum[k] / count;
        }
        return new Baselines(sum, season);
    }

    /**
     * The model's MAE and, per baseline, RMSE, MAE and the model's skill — for the steps with a
     * target; a baseline that lacks the history for one of them (the first step, a step within
     * the first season) is left out.
     */
    Map<String, Double> metrics(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
        return metrics(sequences, predictions, null);
    }

    /**
     * As above, with {@code unchanged} (may be null) scored too, as {@code transform-naive}: per
     * sequence the forecasts of a differenced series' "no change", undone — what the transform
     * alone predicts, which the network must beat to have learned anything.
     */
    Map<String, Double> metrics(List<Sequence> sequences, List<DMatrixRMaj> predictions, List<DMatrixRMaj> unchanged) {
        Errors model = new Errors();
        Errors persistence = new Errors();
        Errors seasonal = new Errors();
        Errors transform = new Errors();
        Errors mean = new Errors();
        for (int s = 0; s < sequences.size(); s++) {
            Sequence sequence = sequences.get(s);
            DMatrixRMaj targets = sequence.targets();
            DMatrixRMaj prediction = predictions.get(s);
            for (int t = 0; t < sequence.length(); t++) {
                if (!sequence.hasTarget(t)) {
                    continue;
                }
                for (int k = 0; k < targets.numCols; k++) {
                    double actual = targets.get(t, k);
                    model.add(prediction.get(t, k) - actual);
                    mean.add(trainingMean[k] - actual);
                    persistence.add(t >= 1 ? targets.get(t - 1, k) - actual : Double.NaN);
                    seasonal.add(season > 0 && t >= season ? targets.get(t - season, k) - actual : Double.NaN);
                    if (unchanged != null) {
                        transform.add(unchanged.get(s).get(t, k) - actual);
                    }
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mae", model.mae());
        add(metrics, "persistence", persistence, model);
        if (season > 0) {
            add(metrics, "seasonal-naive", seasonal, model);
        }
        if (unchanged != null) {
            add(metrics, "transform-naive", transform, model);
        }
        add(metrics, "mean", mean, model);
        return metrics;
    }

    static void add(Map<String, Double> metrics, String name, Errors baseline, Errors model) {
        if (baseline.undefined) {
            return;
        }
        metrics.put(name + "-rmse", baseline.rmse());
        metrics.put(name + "-mae", baseline.mae());
        metrics.put("skill-vs-" + name, 1 - model.rmse() / baseline.rmse());
    }

    /** Sums of squared and absolute errors. */
    static final class Errors {
        double squares;
        double absolutes;
        long count;
        boolean undefined;

        void add(double error) {
            if (Double.isNaN(error)) {
                undefined = true;
                return;
            }
            squares += error * error;
            absolutes += Math.abs(error);
            count++;
        }

        double rmse() {
            return count == 0 ? Double.NaN : Math.sqrt(squares / count);
        }

        double mae() {
            return count == 0 ? Double.NaN : absolutes / count;
        }
    }
}
