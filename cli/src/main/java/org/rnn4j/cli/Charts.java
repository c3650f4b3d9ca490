package org.rnn4j.cli;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.rnn4j.api.InvalidInputException;

/** What loss.png and forecast.png share: their size and style, and their encoding as PNG. */
final class Charts {

    private Charts() {
    }

    /** An 800 × 500 chart on white, with readable tick labels. */
    static XYChart chart(String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return chart;
    }

    /** {@code chart} as PNG bytes; {@code what} names it in the error. */
    static byte[] png(XYChart chart, String what) {
        try {
            // ImageIO's disk cache registers a shutdown hook, which fails when Ctrl-C is stopping the run.
            javax.imageio.ImageIO.setUseCache(false);
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new InvalidInputException("cannot draw the " + what + ": " + e.getMessage(), e);
        }
    }
}
