package org.rnn4j.core.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.PluginException;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;

/**
 * Every plugin of a running rnn4j, by kind and name: those discovered with {@code ServiceLoader}
 * and any a host bound itself into the same Guice map binders.
 */
@Singleton
public final class PluginRegistry {

    private final Map<PluginKind<?>, Map<String, ? extends Plugin>> plugins = new LinkedHashMap<>();

    @Inject
    public PluginRegistry(Map<String, Topology> topologies, Map<String, Trainer> trainers, Map<String, Optimizer> optimizers,
                          Map<String, Activation> activations, Map<String, Loss> losses, Map<String, DataSource> dataSources) {
        put(PluginKind.TOPOLOGY, topologies);
        put(PluginKind.TRAINER, trainers);
        put(PluginKind.OPTIMIZER, optimizers);
        put(PluginKind.ACTIVATION, activations);
        put(PluginKind.LOSS, losses);
        put(PluginKind.DATA_SOURCE, dataSources);
    }

    private <T extends Plugin> void put(PluginKind<T> kind, Map<String, T> byName) {
        plugins.put(kind, Collections.unmodifiableMap(new TreeMap<>(byName)));
    }

    /** The plugins of {@code kind}, sorted by name. */
    @SuppressWarnings("unchecked")
    public <T extends Plugin> Map<String, T> all(PluginKind<T> kind) {
        return (Map<String, T>) plugins.get(kind);
    }

    /** Whether there is a plugin of {@code kind} named {@code name}. */
    public boolean has(PluginKind<?> kind, String name) {
        return plugins.get(kind).containsKey(name);
    }

    /**
     * The plugin of {@code kind} named {@code name}.
     *
     * @throws InvalidInputException naming the plugins available when there is none
     */
    public <T extends Plugin> T get(PluginKind<T> kind, String name) {
        T plugin = all(kind).get(name);
        if (plugin == null) {
            throw new InvalidInputException(unknown(kind, name));
        }
        return plugin;
    }

    /** "unknown topology 'elmn'; did you mean elman?; available: …", for messages. */
    public String unknown(PluginKind<?> kind, String name) {
        String nearest = nearest(name, all(kind).keySet(), Math.max(2, name.length() / 3));
        return "unknown " + kind.noun() + " '" + name + "'" + (nearest == null ? "" : "; did you mean " + nearest + "?")
                + "; " + available(kind);
    }

    /**
     * The candidate nearest to {@code typed} by edit distance, when at most {@code maxDistance}
     * edits away, else null.
     */
    public static String nearest(String typed, Iterable<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Runs {@code call} — a plugin's code — with the plugin's class loader as the thread's context
     * loader, so that a plugin from a plugin folder finds its own resources. What the plugin
     * throws is its fault, not rnn4j's: anything but an {@link InvalidInputException} (a user's
     * error the plugin reports) comes out as a {@link PluginException} naming the plugin and its
     * jar. A {@link HostException} — a host's listener failing inside the plugin's loop — passes
     * through untouched.
     */
    public static <T> T call(Plugin plugin, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.getClass().getClassLoader());
        try {
            return call.get();
        } catch (InvalidInputException | PluginException | HostException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginException(describe(plugin) + " failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** "the topology 'gru' (my-plugin-1.0.jar)", for messages. */
    public static String describe(Plugin plugin) {
        String noun = PluginKind.ALL.stream().filter(kind -> kind.type().isInstance(plugin)).map(PluginKind::noun)
                .findFirst().orElse("plugin");
        return "the " + noun + " '" + plugin.name() + "' (" + PluginSource.shortOf(plugin.getClass()) + ")";
    }

    /**
     * An exception thrown by a host's code (a training listener) while a plugin's code ran: carried
     * out of {@link #call} unchanged, to be unwrapped and rethrown as the host's own.
     */
    public static final class HostException extends RuntimeException {
        public HostException(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** "available: a (a.jar), b (b.jar)", for messages. */
    public String available(PluginKind<?> kind) {
        Map<String, ? extends Plugin> byName = plugins.get(kind);
        if (byName.isEmpty()) {
            return "no " + kind.noun() + " is installed";
        }
        return "available: " + byName.values().stream()
                .map(p -> p.name() + " (" + PluginSource.shortOf(p.getClass()) + ")")
                .collect(Collectors.joining(", "));
    }
}
