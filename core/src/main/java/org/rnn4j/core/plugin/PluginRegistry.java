package org.rnn4j.core.plugin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Plugin;
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
            throw new InvalidInputException("unknown " + kind.noun() + " '" + name + "'; " + available(kind));
        }
        return plugin;
    }

    /**
     * Runs {@code call} — a plugin's factory method — with the plugin's class loader as the
     * thread's context loader, so that a plugin from a plugin folder finds its own resources.
     */
    public static <T> T inContextOf(Object plugin, java.util.function.Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.getClass().getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
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
