package org.rnn4j.cli;


import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.training.EpochRecord;

/** loss.png drawn for short and long runs: the right size, and not blank. */
final class LossChartTest {

    private static List<EpochRecord> history(int epochs, boolean validated) {
        List<EpochRecord> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double train = 0.2 + 2.0 / e;
            history.add(new EpochRecord(e, train, validated ? train * 1.1 + 0.01 * Math.sin(e) : Double.NaN, Map.of()));
        }
        return history;
    }

    private static BufferedImage draw(int epochs, boolean validated, int kept) throws IOException {
        byte[] png = LossChart.png("elman on temporal-xor", history(epochs, validated), kept);
        if (System.getProperty("rnn4j.charts") != null) {   // to look at them: -Drnn4j.charts=folder
            Files.write(Path.of(System.getProperty("rnn4j.charts"), "loss-" + epochs + ".png"), png);
        }
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void shortAndLongRunsAreDrawnAtFullSizeAndNotBlank() throws IOException {
        for (int[] run : new int[][] {{3, 0, 0}, {60, 0, 0}, {184, 1, 120}, {1637, 1, 1400}}) {
            Pictures.assertDrawn(draw(run[0], run[1] == 1, run[2]), run[0] + " epochs");
        }
    }
}
