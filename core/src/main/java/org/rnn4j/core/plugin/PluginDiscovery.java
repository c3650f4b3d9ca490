package org.rnn4j.core.plugin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;

/**
 * Finds every plugin of every {@link PluginKind} with {@link ServiceLoader}, and refuses what
 * cannot work: a provider that fails to load, a name that is not lower-case and hyphenated, two
 * providers with one name. All problems are reported together.
 *
 * <p>The same class from the same jar found twice (one jar on the class path twice) counts once;
 * from two jars (two versions of a plugin in plugin folders) it is a conflict.
 */
public final class PluginDiscovery {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<PluginKind<?>, Map<String, Plugin>> found = new LinkedHashMap<>();

    private PluginDiscovery() {
    }

    /**
     * Discovers the plugins visible to {@code loader}.
     *
     * @throws InvalidInputException listing every provider that was refused, one per line
     */
    public static PluginDiscovery discover(ClassLoader loader) {
        return discover(loader, PluginPath.none());
    }

    /**
     * Discovers the plugins visible to {@code loader}, then those of each jar of {@code path};
     * a jar that provides none is refused.
     *
     * @throws InvalidInputException listing every provider and jar that was refused, one per line
     */
    public static PluginDiscovery discover(ClassLoader loader, PluginPath path) {
        PluginDiscovery discovery = new PluginDiscovery();
        List<String> problems = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            discovery.found.put(kind, discovery.load(kind, loader, null, new LinkedHashMap<>(), problems));
        }
        for (PluginPath.Jar jar : path.jars()) {
            int own = 0;
            for (PluginKind<?> kind : PluginKind.ALL) {
                int before = discovery.found.get(kind).size();
                discovery.load(kind, jar.loader(), jar.loader(), discovery.found.get(kind), problems);
                own += discovery.found.get(kind).size() - before;
            }
            if (own == 0 && problems.stream().noneMatch(p -> p.contains(jar.file().toString()))) {
                problems.add(jar.file() + ": provides no rnn4j plugin (no META-INF/services/org.rnn4j.api.* entries of its own)");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(System.lineSeparator(), problems));
        }
        return discovery;
    }

    /** The plugins of {@code kind} by name, in discovery order. */
    @SuppressWarnings("unchecked")
    public <T extends Plugin> Map<String, T> plugins(PluginKind<T> kind) {
        return (Map<String, T>) found.get(kind);
    }

    /**
     * Adds the providers of {@code kind} that {@code loader} finds to {@code byName}; with
     * {@code only}, just those whose classes that loader itself defines (a plugin jar's own).
     */
    private Map<String, Plugin> load(PluginKind<?> kind, ClassLoader loader, ClassLoader only, Map<String, Plugin> byName,
                                     List<String> problems) {
        Iterator<? extends Plugin> providers = ServiceLoader.load(kind.type(), loader).iterator();
        while (true) {
            Plugin plugin;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                plugin = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add((only != null ? sourceOf(only) + ": " : "") + "cannot load a " + kind.noun() + " provider: "
                        + describe(e));
                continue;
            }
            if (only != null && plugin.getClass().getClassLoader() != only) {
                continue;
            }
            String name;
            try {
                name = plugin.name();
            } catch (RuntimeException e) {
                problems.add(kind.noun() + " provider " + plugin.getClass().getName() + " (" + PluginSource.of(plugin.getClass())
                        + ") fails to tell its name: " + e);
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(kind.noun() + " provider " + plugin.getClass().getName() + " (" + PluginSource.of(plugin.getClass())
                        + ") has the name '" + name + "'; names are lower-case words joined by hyphens, like 'my-topology'");
                continue;
            }
            Plugin existing = byName.get(name);
            if (existing == null) {
                byName.put(name, plugin);
            } else if (!existing.getClass().getName().equals(plugin.getClass().getName())
                    || !PluginSource.of(existing.getClass()).equals(PluginSource.of(plugin.getClass()))) {
                problems.add("two " + kind.plural() + " are named '" + name + "': "
                        + existing.getClass().getName() + " (" + PluginSource.of(existing.getClass()) + ") and "
                        + plugin.getClass().getName() + " (" + PluginSource.of(plugin.getClass()) + ")");
            }
        }
        return byName;
    }

    private static String sourceOf(ClassLoader loader) {
        return loader instanceof java.net.URLClassLoader urls && urls.getURLs().length == 1
                ? PluginSource.of(urls.getURLs()[0]) : loader.getName();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause);
        }
        return text.toString();
    }
}
