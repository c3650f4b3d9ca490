package org.rnn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

final class CsvFilesTest {

    @TempDir
    Path folder;

    private Path file(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Config settings(String overrides) {
        return ConfigFactory.parseString(overrides)
                .withFallback(ConfigFactory.parseString("sequence-column = \"\", targets = [], forecast = false"));
    }

    private DataSet load(String overrides) {
        return new CsvFiles().load(settings(overrides), new SplittableRandom(1));
    }

    @Test
    void oneFilePerSequenceWithChosenColumns() throws IOException {
        Path a = file("a.csv", "# a comment\nx1, x2 ,y\n1,2,3\n4,5,6\n");
        Path b = file("b.csv", "x1,x2,y\n7,8,9\n");
        DataSet data = load("files = [\"" + a + "\", \"" + b + "\"], inputs = [x2, x1], targets = [y]");
        assertEquals(2, data.sequences().size());
        assertEquals(2, data.inputSize());
        Sequence first = data.sequences().get(0);
        assertEquals(2, first.length());
        assertEquals(5.0, first.inputs().get(1, 0), "x2 first");
        assertEquals(4.0, first.inputs().get(1, 1));
        assertEquals(6.0, first.targets().get(1, 0));
        assertEquals("rmse", data.metrics().get(0).name());
    }

    @Test
    void aSequenceColumnSplitsOneFileAndForecastTargetsAreTheNextStep() throws IOException {
        Path series = file("s.csv", "id,value\nA,1\nA,2\nA,3\nB,10\nB,20\n");
        DataSet data = load("files = [\"" + series + "\"], sequence-column = id, inputs = [value], forecast = true");
        assertEquals(2, data.sequences().size());
        Sequence a = data.sequences().get(0);
        assertEquals(3, a.length());
        assertEquals(2.0, a.targets().get(0, 0));
        assertEquals(3.0, a.targets().get(1, 0));
        assertFalse(a.hasTarget(2), "the last step has no next value");
        assertEquals(20.0, data.sequences().get(1).targets().get(0, 0));
    }

    @Test
    void relativePathsAreRelativeToTheRunFile() throws IOException {
        file("data.csv", "v\n1\n2\n");
        Path run = file("run.conf", "files = [data.csv], inputs = [v], forecast = true\n");
        DataSet data = new CsvFiles().load(ConfigFactory.parseFile(run.toFile()).withFallback(settings("")), new SplittableRandom(1));
        assertEquals(2, data.sequences().get(0).length());
    }

    @Test
    void everyBadCellOrRowIsNamedWithFileAndLine() throws IOException {
        assertRefused("x,y\n1,2\n3,NaN\n", "bad.csv:3: column 'y' holds NaN; values must be finite numbers");
        assertRefused("x,y\n1,2\nInfinity,4\n", "bad.csv:3: column 'x' holds Infinity; values must be finite numbers");
        assertRefused("x,y\n1,2\n3\n", "bad.csv:3: 1 cells, but the header has 2 columns");
        assertRefused("x,y\n1,2\n3,four\n", "bad.csv:3: column 'y' holds 'four', not a number");
        assertRefused("x,y\n1,2\n3,1d\n", "bad.csv:3: column 'y' holds '1d', not a number");
        assertRefused("x,y\n1,2\n0x1p1,1\n", "bad.csv:3: column 'x' holds '0x1p1', not a number");
        assertRefused("x,y\n1,2\n3," + "9".repeat(10_000) + "z\n", "bad.csv:3: column 'y' holds '"
                + "9".repeat(77) + "...', not a number");
        assertRefused("x,y\n", "bad.csv: no data rows; the data set is empty");
        assertRefused("", "bad.csv: empty; expected a header row and data rows");
        assertRefused("x,z\n1,2\n", "bad.csv: has no column 'y' (asked for by rnn4j.data.targets); its columns are x, z");
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> load("files = [\"" + folder.resolve("none.csv") + "\"], inputs = [x], targets = [y]"));
        assertTrue(missing.getMessage().endsWith("none.csv: no such file"), missing.getMessage());
        Path split = file("split.csv", "id,x,y\na,1,2\nb,1,2\na,3,4\n");
        InvalidInputException apart = assertThrows(InvalidInputException.class,
                () -> load("files = [\"" + split + "\"], sequence-column = id, inputs = [x], targets = [y]"));
        assertTrue(apart.getMessage().endsWith("split.csv:4: sequence 'a' continues after other sequences;"
                + " keep each sequence's rows together"), apart.getMessage());
    }

    @Test
    void columnsAreReadByNameAndTheOthersNotAtAll() throws IOException {
        Path dated = file("dated.csv", "month,x,note,y\n1949-01,1,first,2\n1949-02,3,,4\n");
        DataSet data = load("files = [\"" + dated + "\"], inputs = [x], targets = [y]");
        assertEquals(2, data.sequences().get(0).length());
        assertEquals(3.0, data.sequences().get(0).inputs().get(1, 0));
    }

    @Test
    void aUtf8ByteOrderMarkBeforeTheHeaderIsDroppedAndWindowsLineEndsAreRead() throws IOException {
        Path marked = file("marked.csv", "\uFEFFx,y\r\n1,2\r\n3,4\r\n");
        DataSet data = load("files = [\"" + marked + "\"], inputs = [x], targets = [y]");
        assertEquals(2, data.sequences().get(0).length());
        assertEquals(List.of("x"), data.inputNames());
        assertEquals(List.of("y"), data.targetNames());
    }

    private void assertRefused(String text, String message) throws IOException {
        Path bad = file("bad.csv", text);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> load("files = [\"" + bad + "\"], inputs = [x], targets = [y]"));
        assertTrue(error.getMessage().endsWith(message), error.getMessage());
        assertTrue(error.getMessage().startsWith(folder.toString()), error.getMessage());
    }

    @Test
    void normalizationStandardisesWithTheTrainingStatisticsAndUndoesItOnOutputs() throws IOException {
        Path series = file("s.csv", "v\n1\n2\n3\n4\n5\n");
        DataSet data = load("files = [\"" + series + "\"], inputs = [v], forecast = true");
        Normalization normalization = Normalization.fit(data);
        assertEquals(3.0, normalization.inputMean()[0], 1e-15, "inputs 1 … 5");
        assertEquals(3.5, normalization.targetMean()[0], 1e-15, "targets 2 … 5: the last step has none");
        assertEquals(Math.sqrt(2), normalization.inputScale()[0], 1e-15);
        DataSet scaled = normalization.apply(data);
        double[] row = {scaled.sequences().get(0).targets().get(0, 0)};
        normalization.denormalizeOutput(row, 0);
        assertEquals(2.0, row[0], 1e-12);
    }

    @Test
    void theAirlineSeriesIsTheClassic144Months() {
        double[] series = AirlinePassengers.series();
        assertEquals(144, series.length);
        assertEquals(112.0, series[0]);
        assertEquals(432.0, series[143]);
        assertEquals(40363.0, java.util.Arrays.stream(series).sum(), "Box & Jenkins series G totals 40363");
        DataSet windows = new AirlinePassengers().load(ConfigFactory.parseString("window = 12"), new SplittableRandom(1));
        assertEquals(11, windows.sequences().size());
        assertEquals(118.0, windows.sequences().get(0).targets().get(0, 0));
    }
}
