package org.rnn4j.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.core.OutputFiles;

/**
 * {@code loss.png}: the training and validation loss per epoch, drawn with XChart — on a linear
 * scale, or a log one when the values span more than two decades — with whole-number epochs spaced to
 * stay readable at any length, labelled axes, and the kept epoch of early stopping marked.
 */
final class LossChart {

    private LossChart() {
    }

    /** Writes the chart of {@code history} to {@code file}; {@code keptEpoch} is marked when above 0. */
    static void write(Path file, String title, List<EpochRecord> history, int keptEpoch) {
        if (history.isEmpty()) {
            return;
        }
        OutputFiles.write(file, png(title, history, keptEpoch));
    }

    static byte[] png(String title, List<EpochRecord> history, int keptEpoch) {
        XYChart chart = Charts.chart(title, "epoch", "mean loss per target step");
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setxAxisTickLabelsFormattingFunction(epoch -> Long.toString(Math.round(epoch)));
        // From 0, so that the ticks fall on round epochs, and far enough apart for four-digit labels.
        styler.setXAxisMin(0.0);
        styler.setXAxisTickMarkSpacingHint(80);
        List<Double> epochs = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        boolean validated = history.stream().noneMatch(r -> Double.isNaN(r.validationLoss()));
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (EpochRecord record : history) {
            epochs.add((double) record.epoch());
            train.add(record.trainLoss());
            validation.add(record.validationLoss());
            min = Math.min(min, Math.min(record.trainLoss(), validated ? record.validationLoss() : Double.POSITIVE_INFINITY));
            max = Math.max(max, Math.max(record.trainLoss(), validated ? record.validationLoss() : 0));
        }
        // Log only when the values span more than two decades: with fewer the log axis labels too few.
        boolean log = min > 0 && max / min > 100;
        styler.setYAxisLogarithmic(log);
        styler.setYAxisDecimalPattern(log ? "0.###E0" : max < 0.01 ? "0.###E0" : "#,##0.####");
        XYSeries training = chart.addSeries("training", epochs, train);
        training.setMarker(SeriesMarkers.NONE);
        if (validated) {
            chart.addSeries("validation", epochs, validation).setMarker(SeriesMarkers.NONE);
        }
        if (keptEpoch > 0 && keptEpoch <= history.size()) {
            EpochRecord kept = history.get(keptEpoch - 1);
            double value = validated ? kept.validationLoss() : kept.trainLoss();
            XYSeries mark = chart.addSeries("kept epoch " + keptEpoch, List.of((double) keptEpoch), List.of(value));
            mark.setMarker(SeriesMarkers.CIRCLE);
            mark.setMarkerColor(Color.RED);
        }
        return Charts.png(chart, "loss chart");
    }
}
