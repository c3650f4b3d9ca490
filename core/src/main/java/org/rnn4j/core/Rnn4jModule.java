package org.rnn4j.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import com.typesafe.config.Config;
import java.util.Map;
import org.rnn4j.api.Plugin;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.plugin.PluginDiscovery;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginPath;

/**
 * Installs rnn4j into a Guice injector: every plugin found with {@code ServiceLoader} bound by
 * name in a {@link MapBinder} per kind, and the effective configuration as
 * {@code @Named("rnn4j") Config}. A host adds its own plugins to the same map binders:
 *
 * <pre>{@code
 * MapBinder.newMapBinder(binder(), String.class, Topology.class).addBinding("mine").to(MyTopology.class);
 * }</pre>
 *
 * and gets an {@link Rnn4j} from its injector.
 */
public final class Rnn4jModule extends AbstractModule {

    /** The name of the bound effective configuration. */
    public static final String CONFIG = "rnn4j";

    private final Config effective;
    private final Config reference;
    private final PluginDiscovery discovery;

    /** rnn4j with the plugins on this module's own class path. */
    public Rnn4jModule(Config run) {
        this(run, Rnn4jModule.class.getClassLoader());
    }

    /**
     * rnn4j with the plugins and defaults {@code loader} sees.
     *
     * @param run the run's settings; the defaults of every {@code reference.conf} fill in the
     *            rest; its {@code rnn4j.plugin-path} names the plugin folders (no other folder is
     *            searched)
     * @throws org.rnn4j.api.InvalidInputException when a provider or plugin jar cannot be loaded or
     *            two plugins share a name
     */
    public Rnn4jModule(Config run, ClassLoader loader) {
        requireNonNull(run, "run is null");
        requireNonNull(loader, "loader is null");
        PluginPath path = PluginPath.of(run, loader);
        this.discovery = PluginDiscovery.discover(loader, path);
        this.reference = ConfigLoader.reference(loader).withFallback(path.references());
        this.effective = ConfigLoader.effective(run.withFallback(path.references()), loader);
    }

    @Override
    protected void configure() {
        bind(Config.class).annotatedWith(Names.named(CONFIG)).toInstance(effective);
        bind(Config.class).annotatedWith(Names.named(CONFIG + ".reference")).toInstance(reference);
        for (PluginKind<?> kind : PluginKind.ALL) {
            bindAll(kind);
        }
    }

    private <T extends Plugin> void bindAll(PluginKind<T> kind) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), TypeLiteral.get(kind.type()));
        for (Map.Entry<String, T> plugin : discovery.plugins(kind).entrySet()) {
            binder.addBinding(plugin.getKey()).toInstance(plugin.getValue());
        }
    }
}
