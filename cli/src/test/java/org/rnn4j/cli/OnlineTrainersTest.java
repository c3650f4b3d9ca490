package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** snap and uoro train every topology, the example plugin's LSTM and GRU included, and learn from a stream. */
final class OnlineTrainersTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
        "snap, elman", "snap, jordan", "snap, fully-recurrent", "snap, partially-recurrent", "snap, lstm", "snap, gru",
        "uoro, elman", "uoro, jordan", "uoro, fully-recurrent", "uoro, partially-recurrent", "uoro, lstm", "uoro, gru"})
    void theyTrainEveryTopology(String trainer, String topology) throws IOException {
        String size = switch (topology) {
            case "fully-recurrent", "gru" -> "-Drnn4j.topology.units=4";
            default -> "-Drnn4j.topology.hidden=[4]";
        };
        Outcome outcome = Outcome.run("--plugin-path", plugins().toString(), "train", "--no-progress",
                "-Drnn4j.output.dir=" + folder.resolve("runs"), "-Drnn4j.data.sequences=20", "-Drnn4j.data.length=9",
                "-Drnn4j.topology.type=" + topology, size, "-Drnn4j.trainer.type=" + trainer, "-Drnn4j.trainer.epochs=2");
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().startsWith("trained " + topology), outcome.out());
        assertTrue(outcome.out().contains("with " + trainer + " + adam"), outcome.out());
        String loss = outcome.out().lines().filter(l -> l.contains("loss per step")).findFirst().orElseThrow();
        assertTrue(Double.isFinite(Double.parseDouble(loss.replaceAll(".* ", ""))), loss);
    }

    @ParameterizedTest
    @CsvSource({"snap", "uoro"})
    void aStreamLearnsWithThem(String trainer) throws IOException {
        Outcome trained = Outcome.run("train", "--no-progress", "-Drnn4j.output.dir=" + folder.resolve("runs"),
                "-Drnn4j.trainer.epochs=1");
        assertEquals(0, trained.status(), trained.err());
        String model = trained.out().lines().filter(l -> l.startsWith("model: ")).findFirst().orElseThrow().substring(7);
        Path updated = folder.resolve(trainer + ".rnn4j");
        StringBuilder stream = new StringBuilder();
        for (int t = 0; t < 60; t++) {
            stream.append(t % 3 == 2 ? 1 : 0).append(',').append(t % 3 == 1 ? 1 : 0).append('\n');
        }
        Outcome learned = Outcome.runWithInput(stream.toString(), "stream", model, "--learn", "--trainer", trainer, "--save",
                updated.toString());
        assertEquals(0, learned.status(), learned.err());
        assertEquals(60, learned.out().strip().lines().count());
        assertTrue(learned.err().contains("(60 updates)"), learned.err());
        assertTrue(Files.exists(updated));
    }

    private Path plugins() throws IOException {
        Path plugins = folder.resolve("plugins");
        if (Files.isDirectory(plugins)) {
            return plugins;
        }
        Files.createDirectories(plugins);
        try (Stream<Path> files = Files.list(Path.of("..", "plugins-example", "target"))) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("rnn4j-plugins-example-.*\\.jar")).findFirst()
                    .orElseThrow();
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return plugins;
    }
}
