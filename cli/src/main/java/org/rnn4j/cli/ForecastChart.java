package org.rnn4j.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.Model;
import org.rnn4j.core.OutputFiles;

/**
 * {@code forecast.png}, for a model of a series: over the held-out period of the first series, the
 * actual values, the model's one-step forecasts and the seasonal naive ones (when the data set has
 * a season), in the data's units, against the step's position in the series.
 */
final class ForecastChart {

    /** One line of the chart: its x and y values. */
    record Line(String name, List<Double> steps, List<Double> values) {
    }

    private ForecastChart() {
    }

    /** Writes the chart of {@code model}'s forecasts on {@code heldOut} (its run's held-out series) to {@code file}. */
    static void write(Path file, String title, Model model, DataSet heldOut) {
        Sequence series = heldOut.sequences().get(0);
        int first = 0;
        while (first < series.length() && !series.hasTarget(first)) {
            first++;
        }
        if (first == series.length()) {
            return;
        }
        double[][] inputs = new double[series.length()][];
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = row(series.inputs().data, t, model.inputSize());
        }
        double[][] predicted = model.predict(inputs);
        int season = model.season();
        Line actual = new Line("actual", new ArrayList<>(), new ArrayList<>());
        Line forecast = new Line("model, one step ahead", new ArrayList<>(), new ArrayList<>());
        Line seasonal = new Line("seasonal naive (" + season + " steps before)", new ArrayList<>(), new ArrayList<>());
        for (int t = first; t < series.length(); t++) {
            if (!series.hasTarget(t)) {
                continue;
            }
            double step = t + 2; // the target of step t is the value at position t + 2, counting from 1
            actual.steps().add(step);
            actual.values().add(series.targets().get(t, 0));
            forecast.steps().add(step);
            forecast.values().add(predicted[t][0]);
            if (season > 0 && t + 1 - season >= 0) {
                seasonal.steps().add(step);
                seasonal.values().add(inputs[t + 1 - season][0]);
            }
        }
        String what = heldOut.sequences().size() > 1 ? ", series 1 of " + heldOut.sequences().size() : "";
        List<Line> lines = new ArrayList<>(List.of(actual));
        if (onScale(forecast, actual)) {
            lines.add(forecast);
        } else {
            what += " (the model's forecasts, off the scale, not drawn)";
        }
        if (!seasonal.steps().isEmpty()) {
            lines.add(seasonal);
        }
        OutputFiles.write(file, png(title + what, model.targetNames().get(0), lines));
    }

    static byte[] png(String title, String quantity, List<Line> lines) {
        XYChart chart = Charts.chart(title, "step of the series (held-out period)", quantity);
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setXAxisDecimalPattern("0"); // a pattern, not a formatting function: XChart then picks round tick steps
        // XChart puts the ticks on the data's own steps (1087, 1174, …) when the axis starts at one;
        // starting it half a step before the first gives round ticks, as far apart as four-digit labels need.
        styler.setXAxisMin(lines.get(0).steps().get(0) - 0.5);
        styler.setXAxisTickMarkSpacingHint(100);
        styler.setYAxisDecimalPattern("#,##0.###");
        Color[] colours = {Color.BLACK, new Color(0x1f77b4), new Color(0xff7f0e)};
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            var series = chart.addSeries(line.name(), line.steps(), line.values());
            series.setLineColor(colours[i % colours.length]);
            series.setMarker(line.steps().size() <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            series.setMarkerColor(colours[i % colours.length]);
        }
        return Charts.png(chart, "forecast chart");
    }

    /**
     * Whether {@code line} can be drawn beside {@code actual}: finite and within a thousand times
     * the actual values' spread of them (XChart's ticks for values near 1e300 never end).
     */
    static boolean onScale(Line line, Line actual) {
        double low = actual.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = actual.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double reach = 1000 * Math.max(high - low, Math.max(1e-9, Math.abs(high)));
        return line.values().stream().allMatch(v -> Double.isFinite(v) && v > low - reach && v < high + reach);
    }

    private static double[] row(double[] data, int t, int width) {
        return java.util.Arrays.copyOfRange(data, t * width, (t + 1) * width);
    }
}
