package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
