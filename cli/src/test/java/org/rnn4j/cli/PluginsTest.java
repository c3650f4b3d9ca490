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

/** The example plugin jar from a plugin folder, through the command line, as a user runs it. */
final class PluginsTest {

    private static final Path CONF = Path.of("..", "plugins-example", "lstm-embedded-reber.conf");

    @TempDir
    Path folder;



    private Path plugins() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        try (Stream<Path> files = Files.list(Path.of("..", "plugins-example", "target"))) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("rnn4j-plugins-example-.*\\.jar")).findFirst().orElseThrow();
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return plugins;
    }

    @Test
    void aRunFilesRelativePluginPathStillCountsBesidePluginPathOnTheCommandLine() throws IOException {
        Path other = Files.createDirectories(folder.resolve("more-plugins"));
        Outcome outcome = Outcome.run("--plugin-path", other.toString(), "train", CONF.toString(), "--no-progress",
                "-Drnn4j.output.dir=" + folder.resolve("runs"), "-Drnn4j.trainer.epochs=1", "-Drnn4j.data.sequences=60");
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().startsWith("trained lstm"), outcome.out());
    }

    @Test
    void evalPredictAndStreamFindAModelsPluginAlikeAndAMissingOneIsOneLineNamingTheModel() throws IOException {
        Path plugins = plugins();
        Outcome trained = Outcome.run("--plugin-path", plugins.toString(), "train", "--no-progress",
                "-Drnn4j.output.dir=" + folder.resolve("runs"), "-Drnn4j.data.type=embedded-reber", "-Drnn4j.data.sequences=60",
                "-Drnn4j.topology.type=lstm", "-Drnn4j.trainer.epochs=1", "-Drnn4j.trainer.loss=cross-entropy",
                "-Drnn4j.topology.output-activation=identity");
        assertEquals(0, trained.status(), trained.err());
        String model = trained.out().lines().filter(l -> l.startsWith("model: ")).findFirst().orElseThrow().substring(7);
        Path input = Files.writeString(folder.resolve("input.csv"), "a,b,c,d,e,f,g\n1,0,0,0,0,0,0\n0,1,0,0,0,0,0\n");
        String line = "1,0,0,0,0,0,0\n";

        // The plugin folder is the caller's to name: a model file is data, and the folders it was trained
        // with are not loaded from it.
        String path = plugins.toString();
        assertEquals(0, Outcome.run("--plugin-path", path, "eval", model).status());
        assertEquals(0, Outcome.run("--plugin-path", path, "predict", model, input.toString()).status());
        assertEquals(0, Outcome.runWithInput(line, "--plugin-path", path, "stream", model).status());

        for (Outcome missing : new Outcome[] {Outcome.run("eval", model), Outcome.run("predict", model, input.toString()),
                Outcome.runWithInput(line, "stream", model)}) {
            assertEquals(2, missing.status(), missing.err());
            assertEquals(1, missing.err().strip().lines().count(), missing.err());
            assertTrue(missing.err().startsWith("rnn4j: " + model + ": the model needs the topology 'lstm', which is not installed"),
                    missing.err());
        }
    }

    @Test
    void aPluginsFaultNamesThePluginExitsWithOneAndLeavesNoRunFolder() throws IOException {
        Path runs = folder.resolve("runs");
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + runs,
                "-Drnn4j.topology.type=failing-for-test");
        assertEquals(1, outcome.status(), outcome.err());
        assertTrue(outcome.err().startsWith("rnn4j: the topology 'failing-for-test' (test-classes) failed: "
                + "java.lang.ArrayIndexOutOfBoundsException"), outcome.err());
        assertTrue(outcome.err().contains("at org.rnn4j.cli.FailingForTestTopology.build"), "the plugin author gets the trace");
        assertFalse(outcome.err().contains("report"), outcome.err());
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(0, left.count(), "the run folder made for the failed run is removed");
        }
    }

    @Test
    void checkPluginPassesTheExampleAndNamesEachProblemOfABrokenJar() throws IOException {
        Path plugins = plugins();
        Path example;
        try (Stream<Path> jars = Files.list(plugins)) {
            example = jars.findFirst().orElseThrow();
        }
        Outcome good = Outcome.run("check-plugin", example.toString());
        assertEquals(0, good.status(), good.err());
        assertTrue(good.out().contains("no problems (Topology lstm, gru; Activation gaussian)"), good.out());

        Path broken = folder.resolve("broken.jar");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(broken))) {
            jar.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/org.rnn4j.api.Topology"));
            jar.write("com.example.Missing\norg.rnn4j.cli.FailingForTestTopology\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Outcome bad = Outcome.run("check-plugin", broken.toString());
        assertEquals(2, bad.status(), bad.err());
        assertEquals(List.of(
                "rnn4j: " + broken + ": the manifest lacks Rnn4j-Api-Version: 1",
                "rnn4j: " + broken + ": Topology com.example.Missing: the class is not in the jar (com.example.Missing)",
                "rnn4j: " + broken + ": Topology org.rnn4j.cli.FailingForTestTopology: no defaults at"
                        + " rnn4j.topologies.failing-for-test in the jar's reference.conf"), bad.err().strip().lines().toList());
    }

    @Test
    void listShowsThePluginsWithTheirJar() throws IOException {
        Path plugins = plugins();
        Outcome outcome = Outcome.run("list", "--plugin-path", plugins.toString());
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().lines().anyMatch(l -> l.startsWith("  lstm ") && l.contains(plugins.toString())), outcome.out());
        assertTrue(outcome.out().lines().anyMatch(l -> l.startsWith("  gaussian ") && l.contains(plugins.toString())), outcome.out());
    }

    @Test
    void withoutTheJarLstmIsAnUnknownNameListingThoseAvailable() {
        Outcome outcome = Outcome.run("train", "--no-progress", "-Drnn4j.topology.type=lstm", "-Drnn4j.output.dir=" + folder);
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("rnn4j: command line: rnn4j.topology.type: unknown topology 'lstm'; available: "),
                outcome.err());
        assertTrue(outcome.err().contains(" elman (rnn4j-topologies-"), outcome.err());
    }

    @Test
    void theExampleRunFileTrainsTheLstmWithBpttAndWithRtrl() {
        Outcome bptt = Outcome.run("train", CONF.toString(), "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("bptt"),
                "-Drnn4j.trainer.epochs=2");
        assertEquals(0, bptt.status(), bptt.err());
        assertTrue(bptt.out().startsWith("trained lstm"), bptt.out());
        Outcome rtrl = Outcome.run("train", CONF.toString(), "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("rtrl"),
                "-Drnn4j.trainer.type=rtrl", "-Drnn4j.trainer.epochs=1", "-Drnn4j.data.sequences=100");
        assertEquals(0, rtrl.status(), rtrl.err());
        assertTrue(rtrl.out().startsWith("trained lstm (575 parameters) on embedded-reber with rtrl"), rtrl.out());
    }

    @Test
    void theLstmLearnsTheEmbeddedReberGrammarToEveryPredictionLegalOnHeldOutStrings() {
        Outcome outcome = Outcome.run("train", CONF.toString(), "--no-progress", "-Drnn4j.output.dir=" + folder);
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("on 200 held-out sequences"), outcome.out());
        Matcher legal = Pattern.compile("legal-strings +([0-9.]+)").matcher(outcome.out());
        assertTrue(legal.find(), outcome.out());
        assertEquals(1.0, Double.parseDouble(legal.group(1)), outcome.out());
    }
}
