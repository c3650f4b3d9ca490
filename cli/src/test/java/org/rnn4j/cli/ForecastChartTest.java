package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forecast.png drawn for short and long held-out periods, and written by train for series only. */
final class ForecastChartTest {

    @TempDir
    Path folder;

    private static BufferedImage draw(int steps) throws IOException {
        List<Double> x = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> seasonal = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            x.add(1000.0 + t);
            actual.add(400 + 100 * Math.sin(t / 2.0));
            model.add(400 + 90 * Math.sin((t - 0.5) / 2.0));
            seasonal.add(390 + 100 * Math.sin((t - 12) / 2.0));
        }
        byte[] png = ForecastChart.png("elman on airline-passengers", "passengers", List.of(
                new ForecastChart.Line("actual", x, actual), new ForecastChart.Line("model", x, model),
                new ForecastChart.Line("seasonal naive", x, seasonal)));
        if (System.getProperty("rnn4j.charts") != null) {   // to look at them: -Drnn4j.charts=folder
            Files.write(Path.of(System.getProperty("rnn4j.charts"), "forecast-" + steps + ".png"), png);
        }
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void shortAndLongPeriodsAreDrawnAtFullSizeAndNotBlank() throws IOException {
        for (int steps : new int[] {2, 24, 2000}) {
            Pictures.assertDrawn(draw(steps), steps + " steps");
        }
    }

    @Test
    void forecastsOffTheScaleAreLeftOutNotDrawnForever() {
        List<Double> x = List.of(1.0, 2.0, 3.0);
        ForecastChart.Line actual = new ForecastChart.Line("actual", x, List.of(400.0, 450.0, 420.0));
        assertTrue(ForecastChart.onScale(new ForecastChart.Line("model", x, List.of(380.0, 900.0, -20.0)), actual));
        assertFalse(ForecastChart.onScale(new ForecastChart.Line("model", x, List.of(380.0, 1e300, 420.0)), actual));
        assertFalse(ForecastChart.onScale(new ForecastChart.Line("model", x, List.of(380.0, Double.NaN, 420.0)), actual));
    }

    @Test
    void aDivergedRunEndsWithItsMessageAndNoForecastChart() throws IOException {
        Path runs = folder.resolve("diverged");
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.data.type=airline-passengers", "-Drnn4j.topology.output-activation=identity",
                "-Drnn4j.trainer.optimizer.type=sgd", "-Drnn4j.optimizers.sgd.learning-rate=1000");
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("training diverged in epoch"), outcome.err());
        try (var folders = Files.list(runs)) {
            assertFalse(Files.exists(folders.findFirst().orElseThrow().resolve("forecast.png")));
        }
    }

    @Test
    void trainDrawsTheForecastOfASeriesOnly() throws IOException {
        Outcome series = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("sine"),
                "-Drnn4j.data.type=sine", "-Drnn4j.data.sequences=10", "-Drnn4j.topology.output-activation=identity",
                "-Drnn4j.trainer.epochs=1");
        assertEquals(0, series.status(), series.err());
        Outcome sequences = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("xor"),
                "-Drnn4j.trainer.epochs=1");
        assertEquals(0, sequences.status(), sequences.err());
        try (var runs = Files.list(folder.resolve("sine"))) {
            Path chart = runs.findFirst().orElseThrow().resolve("forecast.png");
            Pictures.assertDrawn(ImageIO.read(chart.toFile()), chart.toString());
        }
        try (var runs = Files.list(folder.resolve("xor"))) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(Files.exists(run.resolve("loss.png")));
            assertFalse(Files.exists(run.resolve("forecast.png")));
        }
    }
}
