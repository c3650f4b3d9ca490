package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Rnn4jCommandTest {

    @TempDir
    Path folder;



    private static double figure(String text, String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "\\s+([0-9.]+)").matcher(text);
        assertTrue(matcher.find(), "no «" + label + "» in:\n" + text);
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void theDefaultRunTrainsElmanOnTemporalXorToNearTheOptimum() throws IOException {
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder);
        assertEquals(0, outcome.status(), outcome.err());
        String out = outcome.out();
        assertTrue(out.startsWith("trained elman"), out);
        double loss = figure(out, "loss per step (mse)");
        assertTrue(out.contains("on 100 held-out sequences (3000 target steps):"), out);
        double xor = figure(out, "xor-mse");
        double random = figure(out, "random-mse");
        assertTrue(loss <= 0.175, "loss per step " + loss + " (optimum 1/6)");
        assertTrue(xor < 0.02, "the XOR bit is predictable: " + xor);
        assertTrue(random > 0.2, "random bits are not: " + random);

        List<Path> runs;
        try (Stream<Path> list = Files.list(folder)) {
            runs = list.toList();
        }
        assertEquals(1, runs.size());
        List<String> metrics = Files.readAllLines(runs.get(0).resolve("metrics.csv"));
        assertEquals("epoch,train_loss,validation_loss,held_out", metrics.get(0));
        assertTrue(metrics.get(1).matches("1,0\\.[0-9]+,,\"held-out sequences\""),
                "no validation sequences by default; held out at random: " + metrics.get(1));
        assertEquals(61, metrics.size(), "a row per epoch");
        assertTrue(Files.readString(runs.get(0).resolve("effective.conf")).contains("temporal-xor"));
        assertTrue(out.contains("model: " + runs.get(0).resolve("model.rnn4j")), out);
        for (String file : List.of("model.rnn4j", "checkpoint.rnn4j", "loss.png", "metrics.csv", "effective.conf")) {
            assertTrue(Files.isRegularFile(runs.get(0).resolve(file)), file);
        }
        try (Stream<Path> files = Files.list(runs.get(0))) {
            assertEquals(List.of(".lock", "checkpoint.rnn4j", "effective.conf", "loss.png", "metrics.csv", "model.rnn4j"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing else (the lock file that keeps a second writer out), no temporary files");
        }

        // The model works on its own: eval reproduces the held-out figures, inspect shows it.
        String model = runs.get(0).resolve("model.rnn4j").toString();
        Outcome eval = Outcome.run("eval", model);
        assertEquals(0, eval.status(), eval.err());
        assertEquals(loss, figure(eval.out(), "loss per step (mse)"), 0.0);
        assertEquals(xor, figure(eval.out(), "xor-mse"), 0.0);
        Outcome inspect = Outcome.run("inspect", model);
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("network: elman, 1 inputs (input_1), 1 outputs (target_1), 89 parameters"), inspect.out());
        assertTrue(inspect.out().matches("(?s).*sha256 of the parameters: [0-9a-f]{64}.*"), inspect.out());
    }

    @Test
    void anUnknownTopologyIsAUserErrorNamingItAndThoseAvailable() {
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.topology.type=elmn", "-Drnn4j.output.dir=" + folder);
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("rnn4j: command line: rnn4j.topology.type: unknown topology 'elmn'; did you mean elman?; available: "),
                outcome.err());
        assertTrue(outcome.err().contains(" elman (rnn4j-topologies-"), "lists elman and the jar it came from: " + outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertFalse(outcome.err().contains("Exception"), "no stack trace");
        assertEquals("", outcome.out());
    }

    @Test
    void aMisspeltKeyInARunFileNamesTheFileTheLineAndTheNearestKey() throws IOException {
        Path file = folder.resolve("run.conf");
        Files.writeString(file, "rnn4j {\n  topology.hidden = [4]\n  trainer.epoch = 5\n}\n");
        Outcome outcome = Outcome.run("train", "--no-progress", file.toString());
        assertEquals(2, outcome.status());
        assertEquals("rnn4j: " + file + ":3: unknown key rnn4j.trainer.epoch; did you mean rnn4j.trainer.epochs?",
                outcome.err().strip());
    }

    @Test
    void badInputsAreOneLineEach() throws IOException {
        Outcome missing = Outcome.run("train", folder.resolve("nothing.conf").toString());
        assertEquals(2, missing.status());
        assertEquals("rnn4j: " + folder.resolve("nothing.conf") + ": no such run file", missing.err().strip());

        Path broken = folder.resolve("broken.conf");
        Files.writeString(broken, "rnn4j { trainer { epochs = }");
        Outcome malformed = Outcome.run("config", broken.toString());
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().startsWith("rnn4j: " + broken), malformed.err());
        assertEquals(1, malformed.err().strip().lines().count(), malformed.err());

        Outcome range = Outcome.run("train", "--no-progress", "-Drnn4j.trainer.epochs=0");
        assertEquals(2, range.status());
        assertEquals("rnn4j: command line: rnn4j.trainer.epochs: expected an integer ≥ 1, got 0", range.err().strip());

        Outcome usage = Outcome.run("trian");
        assertEquals(2, usage.status());
    }

    @Test
    void listShowsEveryPluginWithWhereItCameFrom() {
        Outcome outcome = Outcome.run("list");
        assertEquals(0, outcome.status(), outcome.err());
        for (String expected : List.of("topologies:", "elman", "jordan", "feedforward", "partially-recurrent",
                "fully-recurrent", "trainers:", "bptt", "rtrl", "optimizers:", "adam", "sgd", "rmsprop", "rprop",
                "activations:", "sigmoid", "tanh", "identity", "relu", "softsign", "leaky-relu", "hard-sigmoid", "softplus",
                "losses:", "mse", "cross-entropy", "binary-cross-entropy",
                "data sets:", "temporal-xor", "delayed-xor", "sine", "reber", "embedded-reber", "adding")) {
            assertTrue(outcome.out().contains(expected), "no " + expected + " in\n" + outcome.out());
        }
        assertTrue(outcome.out().lines().filter(line -> line.contains("  elman "))
                .allMatch(line -> line.contains("topologies")), "elman's line names the topologies module's jar or folder");
    }

    @Test
    void configPrintsTheEffectiveConfigurationWithOverrides() throws IOException {
        Path file = folder.resolve("run.conf");
        Files.writeString(file, "rnn4j.topology.hidden = [12]\n");
        Outcome outcome = Outcome.run("config", file.toString(), "-Drnn4j.seed=77");
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("seed=77"), outcome.out());
        assertTrue(outcome.out().replaceAll("\\s", "").contains("hidden=[12]"), outcome.out());
        assertTrue(outcome.out().contains("type=elman"), outcome.out());
        assertTrue(outcome.out().contains("# Passes over the training data."), "defaults keep their comments");
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, Outcome.run("--version").status());
        Outcome help = Outcome.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("train") && help.out().contains("list") && help.out().contains("config"));
    }
}
