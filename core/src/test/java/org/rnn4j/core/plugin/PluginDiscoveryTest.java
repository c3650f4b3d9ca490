package org.rnn4j.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.Activation;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.activation.Tanh;

final class PluginDiscoveryTest {

    @TempDir
    Path folder;

    @Test
    void findsBuiltInsAndATestOnlyProvider() {
        PluginDiscovery discovery = PluginDiscovery.discover(getClass().getClassLoader());
        assertTrue(discovery.plugins(PluginKind.DATA_SOURCE).containsKey("test-only"));
        assertTrue(discovery.plugins(PluginKind.DATA_SOURCE).containsKey("temporal-xor"));
        assertEquals(java.util.Set.of("sigmoid", "tanh", "identity", "relu", "softsign", "leaky-relu", "hard-sigmoid", "softplus"),
                discovery.plugins(PluginKind.ACTIVATION).keySet());
        assertTrue(discovery.plugins(PluginKind.LOSS).keySet().containsAll(java.util.List.of("mse", "cross-entropy", "binary-cross-entropy")));
    }

    @Test
    void refusesTwoProvidersWithOneNameNamingBothClassesAndWhereTheyCameFrom() throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PluginDiscovery.discover(loaderListing(Activation.class, DuplicateTanh.class.getName())));
        String message = error.getMessage();
        assertTrue(message.contains("two activations are named 'tanh'"), message);
        assertTrue(message.contains(Tanh.class.getName()) && message.contains(DuplicateTanh.class.getName()), message);
        assertTrue(message.contains(PluginSource.of(Tanh.class)), message);
    }

    @Test
    void reportsEveryBrokenProviderAtOnceInsteadOfDying() throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> PluginDiscovery.discover(loaderListing(Activation.class,
                        "org.example.NoSuchActivation", ExplodingActivation.class.getName(), BadlyNamedActivation.class.getName())));
        String[] lines = error.getMessage().split("\\R");
        assertEquals(3, lines.length, error.getMessage());
        assertTrue(lines[0].contains("org.example.NoSuchActivation") && lines[0].contains("not found"), lines[0]);
        assertTrue(lines[1].contains(ExplodingActivation.class.getName()) && lines[1].contains("no coefficients"), lines[1]);
        assertTrue(lines[2].contains("'Bad_Name'") && lines[2].contains("lower-case"), lines[2]);
    }

    @Test
    void theSameClassFoundTwiceCountsOnce() throws IOException {
        ClassLoader twice = new URLClassLoader(new URL[] {
                folderListing("a", Activation.class, SwishForTest.class.getName()),
                folderListing("b", Activation.class, SwishForTest.class.getName())}, getClass().getClassLoader());
        assertTrue(PluginDiscovery.discover(twice).plugins(PluginKind.ACTIVATION).containsKey("swish-for-test"));
    }

    private ClassLoader loaderListing(Class<?> service, String... providers) throws IOException {
        return new URLClassLoader(new URL[] {folderListing("plugin", service, providers)}, getClass().getClassLoader());
    }

    private URL folderListing(String name, Class<?> service, String... providers) throws IOException {
        Path services = Files.createDirectories(folder.resolve(name).resolve("META-INF/services"));
        Files.writeString(services.resolve(service.getName()), String.join("\n", providers) + "\n");
        return folder.resolve(name).toUri().toURL();
    }

    /** A second provider named tanh. */
    public static final class DuplicateTanh extends TestActivation {
        @Override
        public String name() {
            return "tanh";
        }
    }

    /** A provider whose constructor fails. */
    public static final class ExplodingActivation extends TestActivation {
        public ExplodingActivation() {
            throw new IllegalStateException("no coefficients");
        }

        @Override
        public String name() {
            return "exploding";
        }
    }

    /** A provider whose name breaks the naming rule. */
    public static final class BadlyNamedActivation extends TestActivation {
        @Override
        public String name() {
            return "Bad_Name";
        }
    }

    /** A well-behaved provider. */
    public static final class SwishForTest extends TestActivation {
        @Override
        public String name() {
            return "swish-for-test";
        }
    }

    abstract static class TestActivation implements Activation {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double fx) {
            return 1;
        }
    }
}
