package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingRun;

/** docs/read_model.py reads a model and reproduces its outputs: the format is readable without rnn4j. */
final class PythonReaderTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;

    @Test
    void pythonAndNumpyReadTheModelAndComputeTheSameOutputs() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").start();
        Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "/usr/bin/python3 has no NumPy");

        Rnn4j rnn4j = Rnn4j.create(ConfigFactory.parseString("rnn4j.trainer.epochs = 5"));
        TrainingRun result = rnn4j.train();
        Path model = folder.resolve("model.rnn4j");
        result.model().save(model);

        Path script = Path.of("..", "docs", "read_model.py");
        Process python = new ProcessBuilder(PYTHON.toString(), script.toString(), model.toString(), "0", "1", "1", "0", "1", "0")
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        JsonNode read = new ObjectMapper().readTree(output);
        assertEquals("elman", read.path("topology").asText());
        assertEquals(8, read.path("blocks").path("context1->hidden1").get(0).asInt());
        double[] expected = ModelFilesTest.outputs(result.model().network(), 0, 1, 1, 0, 1, 0);
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], read.path("outputs").get(t).asDouble(), 1e-12, "step " + t);
        }
    }
}
