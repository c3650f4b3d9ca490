package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.model.ModelFile;

/** A run killed at any moment resumes from its last checkpoint and ends exactly as an uninterrupted run. */
final class ResumeTest {

    private static final String[] RUN = {"-Drnn4j.trainer.epochs=300", "-Drnn4j.trainer.checkpoint-every=3",
        "-Drnn4j.data.validation-fraction=0.1", "--no-progress"};

    @TempDir
    Path folder;

    private static int execute(String... args) {
        StringWriter err = new StringWriter();
        int status = Rnn4jCommand.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        return status;
    }

    private static String[] with(String output, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "-Drnn4j.output.dir=" + output));
        args.addAll(List.of(RUN));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private double[] uninterrupted() throws IOException {
        Path whole = folder.resolve("whole");
        execute(with(whole.toString()));
        return ModelFile.read(only(whole).resolve("model.rnn4j")).flatParameters();
    }

    private static Path only(Path parent) throws IOException {
        try (Stream<Path> runs = Files.list(parent)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** Starts the command line in a JVM of its own and waits for a checkpoint past epoch {@code epoch}. */
    private Process startAndWaitForCheckpoint(Path output, int epoch) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Rnn4jCommand.class.getName()));
        command.addAll(List.of(with(output.toString())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the run ended before it could be stopped: " + Files.readString(folder.resolve("child.log")));
            Path checkpoint = checkpointIn(output);
            if (checkpoint != null) {
                try {
                    if (ModelFile.read(checkpoint).checkpoint().epoch() >= epoch) {
                        return process;
                    }
                } catch (InvalidInputException e) {
                    throw new AssertionError("a checkpoint was readable only in part: " + e.getMessage(), e);
                }
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new AssertionError("no checkpoint past epoch " + epoch + " in time");
    }

    private static Path checkpointIn(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(output)) {
            return runs.map(run -> run.resolve("checkpoint.rnn4j")).filter(Files::isRegularFile).findFirst().orElse(null);
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileAnotherProcessTrainsInTheFolder() throws Exception {
        Path output = folder.resolve("busy");
        Process child = startAndWaitForCheckpoint(output, 3);
        try {
            Path run = checkpointIn(output).getParent();
            StringWriter err = new StringWriter();
            int status = Rnn4jCommand.execute(new String[] {"train", "--resume", run.toString(), "--no-progress"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, status, err.toString());
            assertTrue(err.toString().startsWith("rnn4j: " + run + ": in use by another rnn4j run"), err.toString());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aRunKilledWithSigkillResumesToTheSameParametersBitForBit() throws Exception {
        double[] expected = uninterrupted();
        Path output = folder.resolve("killed");
        Process process = startAndWaitForCheckpoint(output, 9);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        Path run = only(output);
        assertFalse(Files.exists(run.resolve("model.rnn4j")), "killed before the end");
        execute("train", "--resume", run.toString(), "--no-progress");
        assertArrayEquals(expected, ModelFile.read(run.resolve("model.rnn4j")).flatParameters());
    }

    @Test
    void aRunStoppedWithSigtermCheckpointsAndResumesToTheSameParameters() throws Exception {
        double[] expected = uninterrupted();
        Path output = folder.resolve("stopped");
        Process process = startAndWaitForCheckpoint(output, 6);
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(folder.resolve("child.log"));
        Path run = only(output);
        assertTrue(log.contains("rnn4j: interrupted; resume with: ./rnn4j train --resume " + run), log);
        execute("train", "--resume", run.toString(), "--no-progress");
        assertArrayEquals(expected, ModelFile.read(run.resolve("model.rnn4j")).flatParameters());
    }
}
