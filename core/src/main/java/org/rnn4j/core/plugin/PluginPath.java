package org.rnn4j.core.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;

/**
 * Plugin jars from plugin folders — those a caller names (the command line names
 * {@code ./plugins/} and its {@code --plugin-path}), and those of {@code rnn4j.plugin-path} —
 * each in a class loader of its own whose parent sees the api, so
 * that plugins cannot clash with one another's dependencies. A jar must declare, in its manifest,
 * the api version it was built against ({@value Plugin#API_VERSION_ATTRIBUTE}).
 */
public final class PluginPath {

    private final List<Jar> jars;

    /** A plugin jar and its class loader. */
    public record Jar(Path file, URLClassLoader loader) {
    }

    private PluginPath(List<Jar> jars) {
        this.jars = List.copyOf(jars);
    }

    /** No plugin jars. */
    public static PluginPath none() {
        return new PluginPath(List.of());
    }

    /**
     * The jars in the folders {@code run} names in {@code rnn4j.plugin-path} (relative to the run
     * file that names them), loaded with {@code parent} as their parent. Nothing else is searched:
     * a host's working directory is not a plugin folder.
     *
     * @throws InvalidInputException naming a folder that does not exist or a jar that is refused
     */
    public static PluginPath of(Config run, ClassLoader parent) {
        Set<Path> folders = new LinkedHashSet<>();
        if (run.hasPath("rnn4j.plugin-path")) {
            List<String> names;
            try {
                names = run.getStringList("rnn4j.plugin-path");
            } catch (ConfigException e) {
                throw new InvalidInputException("rnn4j.plugin-path: expected a list of folders like [\"plugins\"]", e);
            }
            // Relative folders are relative to the run file that names them (else to the working directory).
            String origin = run.getValue("rnn4j.plugin-path").origin().filename();
            Path base = origin == null ? Path.of("") : Path.of(origin).toAbsolutePath().getParent();
            for (String name : names) {
                Path folder = (Path.of(name).isAbsolute() || base == null ? Path.of(name) : base.resolve(name))
                        .toAbsolutePath().normalize();
                if (!Files.isDirectory(folder)) {
                    throw new InvalidInputException("rnn4j.plugin-path: " + name + " is not a folder");
                }
                folders.add(folder);
            }
        }
        List<Jar> jars = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    String refusal = refusal(file);
                    if (refusal != null) {
                        problems.add(file + ": " + refusal);
                        continue;
                    }
                    jars.add(new Jar(file, new URLClassLoader("rnn4j-plugin " + file.getFileName(), new URL[] {url(file)}, parent)));
                }
            } catch (IOException e) {
                problems.add(folder + ": cannot list the plugin folder: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(System.lineSeparator(), problems));
        }
        return new PluginPath(jars);
    }

    /** Why a jar cannot be a plugin, or null when it can. */
    private static String refusal(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            String version = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(new Attributes.Name(Plugin.API_VERSION_ATTRIBUTE));
            if (version == null) {
                return "does not say which rnn4j api it was built against (its manifest needs "
                        + Plugin.API_VERSION_ATTRIBUTE + ": " + Plugin.API_VERSION + ")";
            }
            if (!version.strip().equals(Integer.toString(Plugin.API_VERSION))) {
                return "was built against rnn4j api version " + version.strip() + "; this rnn4j has version " + Plugin.API_VERSION;
            }
            return null;
        } catch (IOException e) {
            return "not a readable jar (" + e.getMessage() + ")";
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars found, in folder and name order. */
    public List<Jar> jars() {
        return jars;
    }

    /** The {@code reference.conf} of every jar, merged (each jar's own, not its parent's). */
    public Config references() {
        Config merged = ConfigFactory.empty();
        for (Jar jar : jars) {
            URL reference = jar.loader().findResource("reference.conf");
            if (reference != null) {
                try {
                    merged = merged.withFallback(ConfigFactory.parseURL(reference));
                } catch (ConfigException e) {
                    throw new InvalidInputException(jar.file() + ": its reference.conf is invalid: " + e.getMessage(), e);
                }
            }
        }
        return merged;
    }
}
