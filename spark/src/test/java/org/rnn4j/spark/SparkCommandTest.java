package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.cli.Rnn4jCommand;

/** The spark jar's command line: sweep and data-parallel train, on the tests' local Spark. */
class SparkCommandTest {

    @TempDir
    Path folder;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome execute(String... args) {
        LocalSpark.session(); // the command uses the Spark already running, and leaves it running
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Rnn4jCommand.execute(args, new PrintWriter(out), new PrintWriter(err), () -> false, new SparkExtension());
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void sweepPrintsItsTableAndWritesItsFolder() throws Exception {
        Path sweep = folder.resolve("sweep.conf");
        Files.writeString(sweep, """
                rnn4j {
                  data { type = temporal-xor, sequences = 20, length = 6 }
                  trainer.epochs = 2
                }
                sweep.axes.rnn4j.topology.hidden = [[2], [3]]
                """);
        Outcome outcome = execute("sweep", sweep.toString(), "-Drnn4j.output.dir=" + folder.resolve("runs"));
        assertEquals(0, outcome.status(), outcome.err());
        List<String> lines = outcome.out().lines().toList();
        assertTrue(lines.get(0).startsWith("sweep " + sweep + ": 2 runs on local[2"), lines.get(0));
        assertTrue(lines.get(1).matches("run +topology_hidden +seed +status +test_loss +metric +epochs +seconds +reason"),
                lines.get(1));
        assertTrue(lines.get(2).matches("[12] +\\[[23]] +1 +ok +0\\.\\d{5} +xor-mse 0\\.\\d{5} +2 +\\d+\\.\\d"), lines.get(2));
        assertTrue(lines.get(4).startsWith("2 runs, 0 failed; results: "), lines.get(4));
        try (Stream<Path> runs = Files.list(folder.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(run.getFileName().toString().endsWith("-sweep"), run.toString());
            assertTrue(Files.isRegularFile(run.resolve("best.rnn4j")));
            assertTrue(Files.isRegularFile(run.resolve("sweep.conf")));
            assertTrue(Files.isDirectory(run.resolve("results.parquet")));
        }
    }

    @Test
    void aBadSweepFileIsOneLineAndStartsNoRun() throws Exception {
        Path sweep = folder.resolve("sweep.conf");
        Files.writeString(sweep, "sweep.axes.rnn4j.topology.hidden = 4\n");
        Outcome outcome = execute("sweep", sweep.toString(), "-Drnn4j.output.dir=" + folder.resolve("runs"));
        assertEquals(2, outcome.status());
        assertEquals("rnn4j: " + sweep + ":1: sweep.axes.rnn4j.topology.hidden: expected a non-empty list of values,"
                + " like [elman, jordan] (a list-valued key takes a list of lists: [[4], [8]])", outcome.err().strip());
        assertTrue(Files.notExists(folder.resolve("runs")));
    }

    @Test
    void trainRunsDataParallelAndWritesTheUsualRunFolder() throws Exception {
        Outcome outcome = execute("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.data.sequences=30", "-Drnn4j.trainer.batch-size=100", "-Drnn4j.trainer.epochs=3",
                "-Drnn4j.spark.partitions=2");
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().startsWith("trained elman (89 parameters) on temporal-xor with bptt + adam: 3 epochs"),
                outcome.out());
        try (Stream<Path> runs = Files.list(folder.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            for (String file : List.of("model.rnn4j", "metrics.csv", "loss.png", "effective.conf")) {
                assertTrue(Files.isRegularFile(run.resolve(file)), file);
            }
            assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size(), "a header and three epochs");
        }
    }

    @Test
    void trainRefusesMiniBatchesInOneLine() {
        Outcome outcome = execute("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.data.sequences=30");
        assertEquals(2, outcome.status());
        assertEquals("rnn4j: rnn4j.trainer.batch-size: data-parallel training updates once per epoch with the gradient of"
                + " all 24 training sequences; set it to at least 24 (it is 10), so that a local run of the same file does"
                + " the same", outcome.err().strip());
    }
}
