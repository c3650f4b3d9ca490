package org.rnn4j.tck;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;

/**
 * Checks a plugin jar (or, before it is packaged, its classes folder) the way rnn4j will load it:
 * its manifest says the api version it was built against; every entry of its
 * {@code META-INF/services} files is a public class with a public no-argument constructor that
 * implements the interface and has a valid, unique name; every topology, trainer, optimizer and
 * data set has its defaults in the jar's {@code reference.conf}, including each setting it
 * declares as naming a plugin. {@code ./rnn4j check-plugin JAR} runs it; a plugin's own tests run
 * it through {@link PluginJarContractTest}.
 */
public final class PluginJarCheck {

    /** The interfaces a plugin provides, with where their settings' defaults live (null: none). */
    private static final Map<Class<? extends Plugin>, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(Topology.class, "rnn4j.topologies");
        KINDS.put(Trainer.class, "rnn4j.trainers");
        KINDS.put(Optimizer.class, "rnn4j.optimizers");
        KINDS.put(DataSource.class, "rnn4j.datasets");
        KINDS.put(Activation.class, null);
        KINDS.put(Loss.class, null);
    }

    private PluginJarCheck() {
    }

    /** What was found: the plugins by interface, and every problem, one line each. */
    public record Report(Map<String, List<String>> plugins, List<String> problems) {
    }

    /** Checks {@code location}: a jar, or a folder of classes and resources (whose manifest is not checked). */
    public static Report check(Path location) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> plugins = new LinkedHashMap<>();
        if (!Files.exists(location)) {
            return new Report(plugins, List.of("no such jar or folder"));
        }
        boolean jar = Files.isRegularFile(location);
        if (jar) {
            manifest(location, problems);
        }
        URL url;
        try {
            url = location.toUri().toURL();
        } catch (IOException e) {
            return new Report(plugins, List.of("cannot be opened: " + e.getMessage()));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url}, PluginJarCheck.class.getClassLoader())) {
            Config reference = reference(loader, problems);
            for (Map.Entry<Class<? extends Plugin>, String> kind : KINDS.entrySet()) {
                List<String> names = new ArrayList<>();
                for (String className : services(loader, kind.getKey(), problems)) {
                    Plugin plugin = instantiate(loader, kind.getKey(), className, problems);
                    if (plugin == null) {
                        continue;
                    }
                    String name = plugin.name();
                    String where = kind.getKey().getSimpleName() + " " + className;
                    if (name == null || !TopologyContractTest.NAME.matcher(name).matches()) {
                        problems.add(where + ": its name '" + name + "' is not lower-case words joined by hyphens");
                        continue;
                    }
                    if (names.contains(name)) {
                        problems.add(where + ": the name '" + name + "' is given twice");
                    }
                    names.add(name);
                    if (kind.getValue() != null) {
                        String block = kind.getValue() + "." + name;
                        if (!reference.hasPath(block)) {
                            problems.add(where + ": no defaults at " + block + " in the jar's reference.conf");
                        } else {
                            for (String key : plugin.pluginSettings().keySet()) {
                                if (!reference.hasPath(block + "." + key)) {
                                    problems.add(where + ": the setting " + key + " it declares as naming a plugin has no"
                                            + " default at " + block + "." + key);
                                }
                            }
                        }
                    }
                }
                if (!names.isEmpty()) {
                    plugins.put(kind.getKey().getSimpleName(), names);
                }
            }
        } catch (IOException e) {
            problems.add("cannot be read: " + e.getMessage());
        }
        if (plugins.isEmpty() && problems.isEmpty()) {
            problems.add("provides no rnn4j plugin (no META-INF/services/org.rnn4j.api.* entries)");
        }
        return new Report(plugins, problems);
    }

    private static void manifest(Path jar, List<String> problems) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String version = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(new Attributes.Name(Plugin.API_VERSION_ATTRIBUTE));
            if (version == null) {
                problems.add("the manifest lacks " + Plugin.API_VERSION_ATTRIBUTE + ": " + Plugin.API_VERSION);
            } else if (!version.strip().equals(Integer.toString(Plugin.API_VERSION))) {
                problems.add("the manifest says " + Plugin.API_VERSION_ATTRIBUTE + ": " + version.strip() + "; this rnn4j has "
                        + Plugin.API_VERSION);
            }
        } catch (IOException e) {
            problems.add("not a readable jar: " + e.getMessage());
        }
    }

    private static Config reference(URLClassLoader loader, List<String> problems) {
        URL own = loader.findResource("reference.conf");
        if (own == null) {
            return ConfigFactory.empty();
        }
        try {
            return ConfigFactory.parseURL(own);
        } catch (ConfigException e) {
            problems.add("its reference.conf is invalid: " + e.getMessage());
            return ConfigFactory.empty();
        }
    }

    private static List<String> services(URLClassLoader loader, Class<?> type, List<String> problems) throws IOException {
        URL file = loader.findResource("META-INF/services/" + type.getName());
        List<String> classes = new ArrayList<>();
        if (file == null) {
            return classes;
        }
        try (InputStream in = file.openStream();
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (!entry.isEmpty()) {
                    classes.add(entry);
                }
            }
        }
        return classes;
    }

    private static Plugin instantiate(ClassLoader loader, Class<? extends Plugin> type, String className,
                                      List<String> problems) {
        String where = type.getSimpleName() + " " + className;
        try {
            Class<?> found = Class.forName(className, false, loader);
            if (!type.isAssignableFrom(found)) {
                problems.add(where + ": does not implement " + type.getName());
                return null;
            }
            if (!Modifier.isPublic(found.getModifiers()) || Modifier.isAbstract(found.getModifiers())) {
                problems.add(where + ": is not a public, concrete class");
                return null;
            }
            return type.cast(found.getConstructor().newInstance());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            problems.add(where + ": the class is not in the jar (" + e.getMessage() + ")");
        } catch (NoSuchMethodException e) {
            problems.add(where + ": has no public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problems.add(where + ": cannot be made: " + e);
        }
        return null;
    }
}
