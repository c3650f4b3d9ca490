package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.core.OutputFiles;

/** {@code loss.png}: the training (and validation) loss per epoch, on a log scale, drawn with XChart. */
final class LossChart {

    private LossChart() {
    }

    static void write(Path file, String title, List<EpochRecord> history) {
        if (history.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("epoch").yAxisTitle("mean loss per step").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<Integer> epochs = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        for (EpochRecord record : history) {
            epochs.add(record.epoch());
            train.add(Math.max(record.trainLoss(), 1e-12));
            validation.add(Math.max(record.validationLoss(), 1e-12));
        }
        XYSeries training = chart.addSeries("training", epochs, train);
        training.setMarker(SeriesMarkers.NONE);
        if (history.stream().noneMatch(r -> Double.isNaN(r.validationLoss()))) {
            chart.addSeries("validation", epochs, validation).setMarker(SeriesMarkers.NONE);
        }
        try {
            // ImageIO's disk cache registers a shutdown hook, which fails when Ctrl-C is stopping the run.
            javax.imageio.ImageIO.setUseCache(false);
            OutputFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write the loss chart: " + e.getMessage(), e);
        }
    }
}
