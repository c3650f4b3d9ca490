package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.core.RunFolder;
import org.rnn4j.core.model.ModelFile;

/** Every bad input gets one line and exit status 2, and nothing is half-written or lost. */
final class BadInputTest {

    @TempDir
    Path folder;

    private Path model;




    @BeforeEach
    void trainAModel() throws IOException {
        Path runs = folder.resolve("model-run");
        assertEquals(0, Outcome.run("train", "--no-progress", "-Drnn4j.trainer.epochs=3", "-Drnn4j.output.dir=" + runs).status());
        try (Stream<Path> list = Files.list(runs)) {
            model = list.findFirst().orElseThrow().resolve("model.rnn4j");
        }
    }

    private void assertUserError(Outcome outcome, String message) {
        assertEquals(2, outcome.status(), outcome.err());
        assertEquals("rnn4j: " + message, outcome.err().strip());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    private List<String> filesUnder(Path path) throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(RunFolder.LOCK))
                    .map(p -> path.relativize(p).toString()).sorted().toList();
        }
    }

    private String[] csvRun(Path output, Path data) {
        return new String[] {"train", "--no-progress", "-Drnn4j.output.dir=" + output, "-Drnn4j.data.type=csv",
            "-Drnn4j.data.files=[\"" + data + "\"]", "-Drnn4j.data.inputs=[x]", "-Drnn4j.data.targets=[y]"};
    }

    @Test
    void streamStopsReadingWhenNobodyReadsItsOutput() throws IOException {
        int[] read = new int[1];
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                if (read[0] == 400_000) {
                    return -1; // the end, so that a regression fails instead of reading forever
                }
                read[0]++;
                return read[0] % 2 == 1 ? '1' : '\n';
            }
        };
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(endless);
            int status = Rnn4jCommand.execute(new String[] {"stream", model.toString()}, new PrintWriter(closed),
                    new PrintWriter(new java.io.StringWriter()));
            assertEquals(0, status);
        } finally {
            System.setIn(stdin);
        }
        assertTrue(read[0] < 100_000, "it stopped at once: " + read[0] + " bytes read");
    }

    @Test
    void keysOutsideRnn4jAreReportedAsIgnored() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Outcome outcome;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            outcome = Outcome.run("config", "-Dfoo.bar=1");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(captured.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("WARN command line: ignored: foo.bar is not an rnn4j key"), captured.toString());
    }

    @Test
    void aRunFolderHasOneWriterAtATime() throws IOException {
        Path runs = folder.resolve("runs");
        Outcome first = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs, "-Drnn4j.trainer.epochs=2",
                "-Drnn4j.trainer.checkpoint-every=1");
        assertEquals(0, first.status(), first.err());
        Path run;
        try (Stream<Path> list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
        try (RunFolder held = RunFolder.open(run)) {
            Outcome second = Outcome.run("train", "--resume", run.toString(), "--no-progress");
            assertEquals(2, second.status(), second.err());
            assertEquals("rnn4j: " + run + ": in use by another rnn4j run (it holds " + run.resolve(".lock")
                    + "); wait for it to end", second.err().strip());
        }
        Outcome after = Outcome.run("train", "--resume", run.toString(), "--no-progress");
        assertEquals(0, after.status(), "free again once the first let go: " + after.err());
    }

    @Test
    void aFailedWriteNamesThePathAndTheReasonAndLeavesNoRunFolder() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        Outcome outcome = Outcome.run("describe", "--dot", notAFolder.resolve("net.dot").toString());
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().startsWith("rnn4j: " + notAFolder.resolve("net.dot") + ": cannot write: "), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void whatWouldNotFitTheHeapIsRefusedBeforeItIsAllocated() {
        Outcome network = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.topology.hidden=[20000]");
        assertEquals(2, network.status(), network.err());
        assertTrue(network.err().matches("rnn4j: rnn4j.topology: this network's 400060001 parameters need about 25.6 GB;"
                + " this JVM may use [0-9.]+ GB — raise -Xmx \\(RNN4J_JAVA_OPTS for the command line\\), or a smaller"
                + " hidden size\\R"), network.err());
        Outcome data = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.data.sequences=1000000000");
        assertEquals(2, data.status(), data.err());
        assertTrue(data.err().startsWith("rnn4j: rnn4j.data: 1000000000 sequences of about 30 steps need about"), data.err());
        assertFalse(Files.exists(folder.resolve("runs")) && folder.resolve("runs").toFile().list().length > 0,
                "no run folder left behind");
    }

    @Test
    void anOutputActivationThatCannotReachTheTargetsIsRefusedWithTheFix() {
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.data.type=airline-passengers");
        assertEquals(2, outcome.status(), outcome.err());
        assertEquals("rnn4j: rnn4j.topology.output-activation: sigmoid outputs lie in [0.000, 1.000] but the training"
                + " targets range over [104.0, 505.0]; use output-activation = identity", outcome.err().strip());
    }

    @Test
    void aRequiredKeyMissingFromARunFileNamesTheFileNotAMergeOfLayers() throws IOException {
        Path run = Files.writeString(folder.resolve("missing.conf"), "rnn4j.data { type = csv, files = [x.csv], targets = [y] }\n");
        Outcome outcome = Outcome.run("train", run.toString(), "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"));
        assertEquals(2, outcome.status(), outcome.err());
        assertEquals("rnn4j: " + run + ": rnn4j.data.inputs: missing value", outcome.err().strip());
    }

    @Test
    void badDataFilesStopTrainingBeforeAnythingIsWritten() throws IOException {
        Path output = folder.resolve("runs");
        String[][] cases = {
            {"x,y\n0.1,0.2\n0.3,nan\n", ":3: column 'y' holds nan; values must be finite numbers"},
            {"x,y\n0.1,0.2\n-Infinity,0.2\n", ":3: column 'x' holds -Infinity; values must be finite numbers"},
            {"x,y\n0.1,0.2\n0.3,0.4,0.5\n", ":3: 3 cells, but the header has 2 columns"},
            {"x,y\n0.1,0.2\n0.3,high\n", ":3: column 'y' holds 'high', not a number"},
            {"x,y\n", ": no data rows; the data set is empty"},
        };
        for (String[] bad : cases) {
            Path data = folder.resolve("data.csv");
            Files.writeString(data, bad[0]);
            assertUserError(Outcome.run(csvRun(output, data)), data + bad[1]);
            assertEquals(List.of(), filesUnder(output), "nothing written for " + bad[1]);
        }
    }

    @Test
    void anUnwritableOutputFolderIsAUserError() throws IOException {
        Path file = folder.resolve("a-file");
        Files.writeString(file, "not a folder");
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + file.resolve("runs"));
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("rnn4j: rnn4j.output.dir: cannot create a run folder in " + file.resolve("runs")),
                outcome.err());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aDivergingRunStopsSaysSoAndKeepsItsLastGoodCheckpoint() throws IOException {
        Path output = folder.resolve("diverging");
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + output, "-Drnn4j.data.type=sine",
                "-Drnn4j.topology.output-activation=identity", "-Drnn4j.trainer.optimizer.type=sgd",
                "-Drnn4j.trainer.optimizer.learning-rate=1e9");
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().startsWith("rnn4j: training diverged in epoch "), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count());
        List<String> files = filesUnder(output);
        // The history up to the divergence (a loss chart once an epoch completed) is kept beside the checkpoint; no model.
        assertTrue(files.get(0).endsWith("checkpoint.rnn4j") && files.get(1).endsWith("effective.conf")
                && files.get(files.size() - 1).endsWith("metrics.csv"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.endsWith("model.rnn4j")), files.toString());
        Path checkpoint = output.resolve(files.get(0));
        assertTrue(outcome.err().contains("is kept in " + checkpoint), outcome.err());
        double[] kept = ModelFile.read(checkpoint).flatParameters();
        assertTrue(java.util.Arrays.stream(kept).allMatch(Double::isFinite), "the kept checkpoint is a good one");
    }

    @Test
    void predictRefusesInputsThatDoNotFitTheModel() throws IOException {
        Path input = folder.resolve("in.csv");
        Files.writeString(input, "a,b\n0,1\n");
        assertUserError(Outcome.run("predict", model.toString(), input.toString()),
                input + ": 2 input columns, but the model takes 1 inputs per step (choose them with --columns)");
        assertUserError(Outcome.run("predict", model.toString(), input.toString(), "--columns", "c"),
                input + ": has no column 'c' (asked for by --columns); its columns are a, b");
        Outcome good = Outcome.run("predict", model.toString(), input.toString(), "--columns", "b");
        assertEquals(0, good.status(), good.err());
        assertEquals(2, good.out().strip().lines().count(), "a header and one prediction");
    }

    @Test
    void streamPredictsAndLearnsLineByLineAndKeepsWhatItLearnedWhenALineIsBad() throws IOException {
        Outcome predictions = Outcome.runWithInput("0\n1\n1\n", "stream", model.toString());
        assertEquals(0, predictions.status(), predictions.err());
        assertEquals(3, predictions.out().strip().lines().count());

        Path updated = folder.resolve("updated.rnn4j");
        Outcome learning = Outcome.runWithInput("0,1\n1,1\n1,0\n0,1\n", "stream", model.toString(), "--learn", "--save", updated.toString());
        assertEquals(0, learning.status(), learning.err());
        assertEquals(4, learning.out().strip().lines().count());
        assertTrue(learning.err().contains("updated model (4 updates) written to " + updated), learning.err());
        assertFalse(java.util.Arrays.equals(ModelFile.read(model).flatParameters(), ModelFile.read(updated).flatParameters()),
                "it learned");

        Path kept = folder.resolve("kept.rnn4j");
        Outcome bad = Outcome.runWithInput("0,1\n1,1\nx,0\n", "stream", model.toString(), "--learn", "--save", kept.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("rnn4j: stdin:3: value 1 holds 'x', not a number"), bad.err());
        assertTrue(bad.err().contains("updated model (2 updates) written to " + kept), "work is not lost: " + bad.err());
        assertEquals(2, bad.out().strip().lines().count());

        Outcome longLine = Outcome.runWithInput("0,1\n" + "1".repeat(100) + "\n", "stream", model.toString(), "--max-line", "16");
        assertEquals(2, longLine.status());
        assertEquals("rnn4j: stdin:2: a line longer than 16 characters", longLine.err().strip());
        Outcome javaNumber = Outcome.runWithInput("0x1p1\n", "stream", model.toString());
        assertEquals("rnn4j: stdin:1: value 1 holds '0x1p1', not a number", javaNumber.err().strip());

        Outcome offline = Outcome.runWithInput("0,1\n", "stream", model.toString(), "--learn", "--trainer", "bptt");
        assertEquals(2, offline.status());
        assertEquals("rnn4j: the trainer 'bptt' cannot learn online, one step at a time; trainers that can: rtrl, snap, uoro",
                offline.err().strip());
        assertTrue(Outcome.run("inspect", updated.toString()).out().contains("updated: rtrl online: 4 updates over 4 steps"));
    }
}
