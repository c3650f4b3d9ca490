package org.rnn4j.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.Sequence;

/**
 * Forecasts 1…H steps ahead scored by lead time. From every origin in the held-out period the
 * state is warmed on the series up to it, then each prediction is fed back as the next input; the
 * forecast for lead h is scored against the value h steps after the origin, for every origin
 * whose lead-h value lies in the held-out period. Beside it, the naive forecasts made from the
 * same origin: persistence (the origin's value, for every lead) and seasonal naive (the value a
 * whole number of seasons before, the latest one known at the origin).
 */
final class LeadTimes {

    private LeadTimes() {
    }

    /**
     * Per lead time 1…{@code horizon}, the model's RMSE and MAE, each baseline's RMSE, MAE and the
     * model's skill against it, and the number of forecasts scored ({@code forecasts}).
     *
     * @param sequences series in the data's units whose inputs are the previous step's targets,
     *                  with targets only in the held-out period
     */
    static List<Map<String, Double>> score(List<Sequence> sequences, StepPredictor predictor, int season, int horizon) {
        List<Baselines.Errors[]> errors = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            errors.add(new Baselines.Errors[] {new Baselines.Errors(), new Baselines.Errors(), new Baselines.Errors()});
        }
        for (Sequence sequence : sequences) {
            DMatrixRMaj inputs = sequence.inputs();
            DMatrixRMaj targets = sequence.targets();
            int width = targets.numCols;
            double[][] series = new double[sequence.length()][];
            for (int t = 0; t < series.length; t++) {
                series[t] = Arrays.copyOfRange(inputs.data, t * inputs.numCols, (t + 1) * inputs.numCols);
            }
            for (int origin = 0; origin < sequence.length(); origin++) {
                if (!sequence.hasTarget(origin)) {
                    continue;
                }
                double[][] forecasts = predictor.forecast(Arrays.copyOf(series, origin + 1), horizon);
                for (int h = 1; h <= horizon && origin + h - 1 < sequence.length(); h++) {
                    int scored = origin + h - 1; // its target is the value h steps after the origin's input
                    if (!sequence.hasTarget(scored)) {
                        break;
                    }
                    Baselines.Errors[] lead = errors.get(h - 1);
                    int seasons = season > 0 ? (h + season - 1) / season : 0;
                    int seasonal = origin + h - season * seasons; // the step whose input is that value
                    for (int k = 0; k < width; k++) {
                        double actual = targets.get(scored, k);
                        lead[0].add(forecasts[h - 1][k] - actual);
                        lead[1].add(inputs.get(origin, k) - actual);
                        if (season > 0) {
                            lead[2].add(seasonal >= 0 ? inputs.get(seasonal, k) - actual : Double.NaN);
                        }
                    }
                }
            }
        }
        List<Map<String, Double>> leads = new ArrayList<>();
        for (Baselines.Errors[] lead : errors) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("forecasts", (double) lead[0].count / Math.max(1, sequences.get(0).targets().numCols));
            metrics.put("rmse", lead[0].rmse());
            metrics.put("mae", lead[0].mae());
            Baselines.add(metrics, "persistence", lead[1], lead[0]);
            if (season > 0) {
                Baselines.add(metrics, "seasonal-naive", lead[2], lead[0]);
            }
            leads.add(metrics);
        }
        return leads;
    }
}
