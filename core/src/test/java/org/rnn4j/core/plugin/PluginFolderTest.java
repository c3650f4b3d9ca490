package org.rnn4j.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.core.Rnn4j;

/**
 * The example plugin's jar, loaded the way a user's is: from a plugin folder, in a class loader
 * of its own — not from the test class path (core does not depend on it).
 */
final class PluginFolderTest {

    @TempDir
    Path folder;

    /** The jar the plugins-example module builds (it comes before core in the reactor). */
    static Path exampleJar() throws IOException {
        Path target = Path.of("..", "plugins-example", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("rnn4j-plugins-example-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("build plugins-example first: no jar in " + target));
        }
    }

    private Path pluginFolder(String name) throws IOException {
        return Files.createDirectories(folder.resolve(name));
    }

    private static Config pluginPath(Path... folders) {
        return ConfigFactory.empty().withValue("rnn4j.plugin-path",
                ConfigValueFactory.fromIterable(Stream.of(folders).map(Path::toString).toList()));
    }

    @Test
    void aJarInAPluginFolderIsFoundInItsOwnClassLoader() throws IOException {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.rnn4j.example.LstmTopology"),
                "the example is not on the test class path");
        Path plugins = pluginFolder("plugins");
        Path jar = Files.copy(exampleJar(), plugins.resolve("example.jar"));
        PluginRegistry registry = registry(pluginPath(plugins), getClass().getClassLoader());
        Topology lstm = registry.get(PluginKind.TOPOLOGY, "lstm");
        assertInstanceOf(URLClassLoader.class, lstm.getClass().getClassLoader());
        assertNotSame(getClass().getClassLoader(), lstm.getClass().getClassLoader());
        assertEquals(jar.toString(), PluginSource.of(lstm.getClass()));
        assertTrue(registry.has(PluginKind.ACTIVATION, "gaussian"));
        assertTrue(registry.has(PluginKind.ACTIVATION, "tanh"), "the built-ins are still there");
        assertTrue(registry.available(PluginKind.TOPOLOGY).contains("lstm (example.jar)"));
    }

    @Test
    void thePluginsDefaultsComeFromItsOwnReferenceConf() throws IOException {
        Path plugins = pluginFolder("plugins");
        Files.copy(exampleJar(), plugins.resolve("example.jar"));
        Config effective = com.google.inject.Guice.createInjector(new org.rnn4j.core.Rnn4jModule(pluginPath(plugins)))
                .getInstance(com.google.inject.Key.get(Config.class, com.google.inject.name.Names.named("rnn4j")));
        assertEquals(List.of(8), effective.getIntList("rnn4j.topologies.lstm.hidden"));
    }

    @Test
    void jarsThatCannotBePluginsAreRefusedNamingTheJar() throws IOException {
        Path plugins = pluginFolder("bad");
        Path empty = jar(plugins.resolve("empty.jar"), "1");
        assertRefused(pluginPath(plugins), empty + ": provides no rnn4j plugin");
        Files.delete(empty);

        Path unversioned = jar(plugins.resolve("unversioned.jar"), null);
        assertRefused(pluginPath(plugins), unversioned + ": does not say which rnn4j api it was built against (its manifest needs "
                + "Rnn4j-Api-Version: 1)");
        Files.delete(unversioned);

        Path newer = jar(plugins.resolve("newer.jar"), "2");
        assertRefused(pluginPath(plugins), newer + ": was built against rnn4j api version 2; this rnn4j has version 1");
        Files.delete(newer);

        Path text = Files.writeString(plugins.resolve("text.jar"), "not a jar");
        assertRefused(pluginPath(plugins), text + ": not a readable jar");
    }

    @Test
    void twoJarsProvidingOneNameAreAConflictNamingBoth() throws IOException {
        Path a = pluginFolder("a");
        Path b = pluginFolder("b");
        Path first = Files.copy(exampleJar(), a.resolve("example-1.jar"));
        Path second = Files.copy(exampleJar(), b.resolve("example-2.jar"));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> registry(pluginPath(a, b), getClass().getClassLoader()));
        assertTrue(error.getMessage().contains("two topologies are named 'lstm'"), error.getMessage());
        assertTrue(error.getMessage().contains(first.toString()) && error.getMessage().contains(second.toString()),
                error.getMessage());
    }

    @Test
    void aMissingPluginFolderIsAUserError() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> registry(pluginPath(folder.resolve("nowhere")), getClass().getClassLoader()));
        assertTrue(error.getMessage().startsWith("rnn4j.plugin-path: "), error.getMessage());
        assertTrue(error.getMessage().endsWith("nowhere is not a folder"), error.getMessage());
    }

    private static PluginRegistry registry(Config run, ClassLoader loader) {
        try {
            return com.google.inject.Guice.createInjector(new org.rnn4j.core.Rnn4jModule(run, loader))
                    .getInstance(PluginRegistry.class);
        } catch (com.google.inject.CreationException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void assertRefused(Config run, String message) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> registry(run, getClass().getClassLoader()));
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    private static Path jar(Path file, String apiVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (apiVersion != null) {
            manifest.getMainAttributes().put(new Attributes.Name(Plugin.API_VERSION_ATTRIBUTE), apiVersion);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
            out.write("nothing here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
    }
}
