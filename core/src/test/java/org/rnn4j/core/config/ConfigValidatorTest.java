package org.rnn4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;
import org.rnn4j.core.plugin.PluginRegistry;

final class ConfigValidatorTest {

    private static final Config REFERENCE = ConfigFactory.parseString("""
            rnn4j {
              seed = 1
              data.type = stream
              topology.type = net
              trainer { type = sgd-trainer, epochs = 10, batch-size = 1, loss = mse, optimizer.type = step }
              output.dir = runs
              topologies.net { hidden = [8], activation = tanh, output-activation = tanh, bias = true, rate = 0.5 }
              trainers.sgd-trainer { clip = 1.0 }
              optimizers.step { learning-rate = 0.1 }
              datasets.stream { length = 30, file = null }
            }""");

    @TempDir
    Path folder;

    private ConfigValidator validator;

    @BeforeEach
    void setUp() {
        validator = new ConfigValidator(REFERENCE, new PluginRegistry(
                plugins(Topology.class, "net"), plugins(Trainer.class, "sgd-trainer"), plugins(Optimizer.class, "step"),
                plugins(Activation.class, "tanh", "sigmoid"), plugins(Loss.class, "mse"), plugins(DataSource.class, "stream")));
    }

    private static <T extends Plugin> Map<String, T> plugins(Class<T> type, String... names) {
        Map<String, T> byName = new java.util.LinkedHashMap<>();
        for (String name : names) {
            T plugin = mock(type);
            when(plugin.name()).thenReturn(name);
            if (type == Topology.class) {
                // As a topology declares them: the settings whose values name activations.
                when(plugin.pluginSettings()).thenReturn(Map.of("activation", org.rnn4j.api.Activation.class,
                        "output-activation", org.rnn4j.api.Activation.class));
            }
            byName.put(name, plugin);
        }
        return byName;
    }

    private List<String> problems(String run) throws IOException {
        Path file = folder.resolve("run.conf");
        Files.writeString(file, run);
        Config effective = ConfigFactory.parseFile(file.toFile()).withFallback(REFERENCE).resolve();
        return validator.problems(effective);
    }

    @Test
    void defaultsAndAWellFormedRunPass() throws IOException {
        assertEquals(List.of(), problems("""
                rnn4j {
                  data { length = 40, file = "x.csv" }
                  topology { hidden = [16, 8], rate = 1 }
                  trainer { epochs = 3, clip = 0.5, optimizer.learning-rate = 0.01 }
                }"""));
    }

    @Test
    void aMisspeltKeyNamesTheFileTheLineAndTheNearestValidKey() throws IOException {
        List<String> problems = problems("""
                rnn4j.data.file = "x.csv"
                rnn4j.trainer {
                  epoch = 5
                }
                rnn4j.topology.hiden = [4]
                rnn4j.trainer.optimizer.learnin-rate = 0.1
                """);
        String file = folder.resolve("run.conf").toString();
        assertEquals(List.of(
                file + ":3: unknown key rnn4j.trainer.epoch; did you mean rnn4j.trainer.epochs?",
                file + ":5: unknown key rnn4j.topology.hiden; did you mean rnn4j.topology.hidden?",
                file + ":6: unknown key rnn4j.trainer.optimizer.learnin-rate; did you mean rnn4j.trainer.optimizer.learning-rate?"),
                problems.stream().sorted().toList());
    }

    @Test
    void wrongTypesSayWhatWasExpected() throws IOException {
        List<String> problems = problems("""
                rnn4j.data.file = "x.csv"
                rnn4j.trainer.epochs = 2.5
                rnn4j.trainer.batch-size = many
                rnn4j.topology.hidden = 8
                rnn4j.topology.bias = maybe
                rnn4j.topology.rate = "0.25"
                rnn4j.topology.activation = [tanh]
                rnn4j.output = runs
                """);
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertContains(problems, ":3: rnn4j.trainer.batch-size: expected a number, got \"many\"");
        assertContains(problems, ":4: rnn4j.topology.hidden: expected a list like [8], got 8");
        assertContains(problems, ":5: rnn4j.topology.bias: expected true or false, got \"maybe\"");
        assertContains(problems, ":7: rnn4j.topology.activation: expected a string, got [\"tanh\"]");
        assertContains(problems, ":8: rnn4j.output: expected a block { … }, got \"runs\"");
    }

    @Test
    void unknownPluginNamesListThoseAvailable() throws IOException {
        List<String> problems = problems("""
                rnn4j.data.file = "x.csv"
                rnn4j.topology.type = nett
                rnn4j.trainer.optimizer.type = adam
                rnn4j.trainer.loss = mae
                """);
        assertContains(problems, ":2: rnn4j.topology.type: unknown topology 'nett'; did you mean net?; available: net (");
        assertContains(problems, ":3: rnn4j.trainer.optimizer.type: unknown optimizer 'adam'; available: step (");
        assertContains(problems, ":4: rnn4j.trainer.loss: unknown loss 'mae'; did you mean mse?; available: mse (");
    }

    @Test
    void activationNamesOfTheChosenTopologyAreChecked() throws IOException {
        List<String> problems = problems("""
                rnn4j.data.file = "x.csv"
                rnn4j.topology.output-activation = softmax
                """);
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertContains(problems, ":2: rnn4j.topology.output-activation: unknown activation 'softmax'; available: sigmoid (");
    }

    @Test
    void aRequiredValueMustBeGiven() throws IOException {
        List<String> problems = problems("rnn4j.data.length = 40");
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).endsWith("rnn4j.data.file: missing value"), problems.get(0));
    }

    @Test
    void validateGathersEveryProblemIntoOneException() throws IOException {
        Path file = folder.resolve("two.conf");
        Files.writeString(file, "rnn4j.seeds = 3\nrnn4j.trainer.epochs = x\n");
        Config effective = ConfigFactory.parseFile(file.toFile()).withFallback(REFERENCE).resolve();
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> validator.validate(effective));
        assertEquals(3, error.getMessage().split("\\R").length, error.getMessage());
    }

    @Test
    void levenshteinDistance() {
        assertEquals(0, org.rnn4j.core.plugin.PluginRegistry.distance("epochs", "epochs"));
        assertEquals(1, org.rnn4j.core.plugin.PluginRegistry.distance("epoch", "epochs"));
        assertEquals(3, org.rnn4j.core.plugin.PluginRegistry.distance("kitten", "sitting"));
    }

    private static void assertContains(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)),
                "no problem contains «" + fragment + "» in:\n" + String.join("\n", problems));
    }
}
