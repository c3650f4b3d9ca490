package org.rnn4j.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.core.TrainingRun;

/** The examples docs/embedding.md quotes run, do what the page says, and are quoted as they are. */
final class EmbeddingExampleTest {

    @TempDir
    Path folder;

    @Test
    void theSensorTourTrainsSavesLoadsPredictsLearnsOnlineAndEvaluates() {
        SensorForecast.Results results = SensorForecast.run(folder.resolve("sensor.rnn4j"));
        assertTrue(results.training().outcome() instanceof Outcome.Completed, results.training().outcome().describe());
        assertTrue(Files.isRegularFile(folder.resolve("sensor.rnn4j")));
        double next = results.predicted()[3][0];
        assertTrue(next > 22 && next < 26, "a reading in degrees after 20, 21.5, 22.7, 23.4: " + next);
        assertEquals(199, results.updates(), "one update per reading with a next one");
        assertTrue(results.streamError() < 1.0, "it forecast the live stream within a degree: " + results.streamError());
        assertTrue(results.after().lossPerStep() < results.before().lossPerStep(),
                "learning online helped on today's readings: " + results.before() + " → " + results.after());
    }

    @Test
    void aHostStoppedByAnInterruptResumesFromItsCheckpointToTheUninterruptedResult() {
        com.typesafe.config.Config run = com.typesafe.config.ConfigFactory.parseString(
                "rnn4j { seed = 3, data.normalize = standard, topology.output-activation = identity, "
                + "trainer { epochs = 12, checkpoint-every = 1 } }");
        org.rnn4j.api.data.DataSet data = sensor(20);
        double[] uninterrupted = org.rnn4j.core.Rnn4j.create(run).train(data).model().parameters();

        Path checkpoint = folder.resolve("run.checkpoint");
        org.rnn4j.core.Rnn4j rnn4j = org.rnn4j.core.Rnn4j.create(run);
        int[] epochs = new int[1];
        TrainingRun stopped = rnn4j.train(org.rnn4j.core.TrainingOptions.defaults().data(data).checkpointTo(checkpoint)
                .listeners(new org.rnn4j.api.training.TrainingListener() {
                    @Override
                    public void onEpoch(org.rnn4j.api.training.EpochEvent event) {
                        if (++epochs[0] == 5) {
                            Thread.currentThread().interrupt();   // the host is shutting down
                        }
                    }
                }));
        assertTrue(Thread.interrupted(), "the interrupt is still set for the host");
        assertEquals(new Outcome.Stopped(5, false), stopped.outcome());
        TrainingRun resumed = SensorForecast.resumable(rnn4j, data, checkpoint);
        assertEquals(new Outcome.Completed(12), resumed.outcome());
        assertEquals(12, resumed.history().size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(uninterrupted, resumed.model().parameters());
    }

    private static org.rnn4j.api.data.DataSet sensor(int sequences) {
        org.rnn4j.core.InMemoryData data = org.rnn4j.core.InMemoryData.builder("sensor", 1, 1);
        for (double[] series : SensorForecast.series(sequences, 30, 9)) {
            double[][] x = new double[series.length - 1][];
            double[][] y = new double[series.length - 1][];
            for (int t = 0; t + 1 < series.length; t++) {
                x[t] = new double[] {series[t]};
                y[t] = new double[] {series[t + 1]};
            }
            data.sequence(x, y);
        }
        return data.build();
    }

    @Test
    void aHostInjectorTrainsItsOwnTopologyThroughTheInjectedRnn4j() {
        TrainingRun run = HostApplication.start();
        assertEquals("self-loops", run.model().topology());
        assertEquals(20, run.history().size());
        assertTrue(run.history().get(19).trainLoss() < run.history().get(0).trainLoss(), "it learned");
    }

    /** Every java block of docs/embedding.md appears, line for line, in one of this module's sources. */
    @Test
    void everySnippetOfTheEmbeddingPageIsCodeFromHere() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
            }
        }
        List<List<String>> snippets = snippets(Files.readAllLines(Path.of("..", "docs", "embedding.md")));
        assertTrue(snippets.size() >= 6, "found " + snippets.size() + " java blocks");
        for (List<String> snippet : snippets) {
            assertTrue(sources.stream().anyMatch(source -> java.util.Collections.indexOfSubList(source, snippet) >= 0),
                    "not in the example's sources:\n" + String.join("\n", snippet));
        }
    }

    private static List<List<String>> snippets(List<String> page) {
        List<List<String>> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : page) {
            if (line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (line.strip().equals("```") && current != null) {
                snippets.add(current.stream().filter(l -> !l.isEmpty()).toList());
                current = null;
            } else if (current != null) {
                current.add(line.strip());
            }
        }
        return snippets;
    }
}
