package org.rnn4j.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.PluginException;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.config.ConfigValidator;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.ModelReport;
import org.rnn4j.core.model.SavedModel;
import org.rnn4j.core.model.SavedModels;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
import org.rnn4j.core.plugin.PluginSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: one configured rnn4j. Made from a {@link Config} (the run's settings; every
 * module's defaults fill in the rest), checked in full when made, then asked to train; models
 * are loaded through it.
 *
 * <pre>{@code
 * Rnn4j rnn4j = Rnn4j.create(ConfigFactory.parseString("rnn4j.topology.hidden = [16]"));
 * TrainingRun run = rnn4j.train();
 * double[][] predicted = run.model().predict(inputs);
 * }</pre>
 *
 * <p>The configuration is the defaults ({@code reference.conf} of every jar), the run (a file or
 * a host's {@code Config}) and the overrides the caller passes — never JVM system properties.
 * Plugin folders are searched only where asked ({@link Builder#pluginFolders}, or
 * {@code rnn4j.plugin-path}). Instances share nothing: two in one JVM train independently.
 * Nothing here prints, exits or keeps global state; logging goes through SLF4J.
 */
public final class Rnn4j {

    private static final Logger LOG = LoggerFactory.getLogger(Rnn4j.class);

    private final Config config;
    private final Config reference;
    private final PluginRegistry plugins;
    private final RunSettings settings;

    @Inject
    Rnn4j(@Named(Rnn4jModule.CONFIG) Config config, @Named(Rnn4jModule.CONFIG + ".reference") Config reference,
          PluginRegistry plugins) {
        this.config = config;
        this.reference = reference;
        this.plugins = plugins;
        new ConfigValidator(reference, plugins).validate(config);
        this.settings = RunSettings.from(config);
    }

    /**
     * rnn4j with the plugins on its own class path, configured by {@code run}.
     *
     * @param modules extra Guice modules, for example binding a host's own plugins
     * @throws InvalidInputException listing every problem of the configuration or the plugins
     */
    public static Rnn4j create(Config run, Module... modules) {
        return builder().config(run).modules(modules).build();
    }

    /** A builder, for a run file, overrides, plugin folders, a class loader or a model's configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** How an {@link Rnn4j} is made; each setting is optional. */
    public static final class Builder {
        private Config config = ConfigFactory.empty();
        private Path runFile;
        private Map<String, String> overrides = Map.of();
        private final List<Path> pluginFolders = new ArrayList<>();
        private ClassLoader loader = Rnn4j.class.getClassLoader();
        private final List<Module> modules = new ArrayList<>();
        private Path model;

        private Builder() {
        }

        /** The run's settings as a {@code Config} (a host's own, say: {@code hostConfig.withOnlyPath("rnn4j")}). */
        public Builder config(Config run) {
            this.config = requireNonNull(run, "run is null");
            return this;
        }

        /** A HOCON run file, under the {@link #config} given (its relative plugin folders are relative to it). */
        public Builder runFile(Path file) {
            this.runFile = file;
            return this;
        }

        /** {@code key = value} overrides over everything else, as the command line's {@code -D} options. */
        public Builder overrides(Map<String, String> overrides) {
            this.overrides = new LinkedHashMap<>(overrides);
            return this;
        }

        /**
         * Folders of plugin jars to load, besides those of {@code rnn4j.plugin-path}; the
         * effective configuration lists them all there, as absolute paths.
         */
        public Builder pluginFolders(List<Path> folders) {
            this.pluginFolders.addAll(folders);
            return this;
        }

        /** The class loader whose plugins and defaults are used (default: rnn4j's own). */
        public Builder classLoader(ClassLoader loader) {
            this.loader = requireNonNull(loader, "loader is null");
            return this;
        }

        /** Extra Guice modules, for example binding a host's own plugins into the map binders. */
        public Builder modules(Module... modules) {
            this.modules.addAll(Arrays.asList(modules));
            return this;
        }

        /**
         * Configured as the model or checkpoint {@code file} was trained, under the run file and
         * overrides given (to evaluate it on other data, say). The plugin folders the model was
         * trained with are not loaded: a model file is data, a jar is code — give the folders to
         * trust with {@link #pluginFolders}.
         */
        public Builder model(Path file) {
            this.model = file;
            return this;
        }

        /**
         * A checked rnn4j.
         *
         * @throws InvalidInputException listing every problem of the configuration or the plugins
         * @throws PluginException when a plugin's code fails while being set up
         */
        public Rnn4j build() {
            Config own = RunConfig.read(runFile, overrides);
            for (var entry : own.entrySet()) {
                if (!entry.getKey().startsWith("rnn4j.")) {
                    LOG.warn("{}: ignored: {} is not an rnn4j key (they all start with rnn4j.)",
                            ConfigLoader.where(entry.getValue().origin()), entry.getKey());
                }
            }
            Config run = own.withFallback(config);
            ModelFile.Declared saved = model == null ? null : ModelFile.declared(model);
            if (saved != null) {
                // A model file is data: the plugin folders it was trained with are not loaded (a jar is
                // code, and the caller says which folders to trust), nor is its data source needed.
                run = run.withFallback(ConfigLoader.withoutCode(saved.config()));
            }
            Rnn4jModule module = new Rnn4jModule(ConfigLoader.withPluginFolders(run, pluginFolders), loader);
            List<Module> all = new ArrayList<>();
            all.add(module);
            all.addAll(modules);
            try {
                Injector injector = Guice.createInjector(all);
                if (saved != null) {
                    requireTopology(injector.getInstance(PluginRegistry.class), saved, model);
                }
                return injector.getInstance(Rnn4j.class);
            } catch (ProvisionException e) {
                throw unwrap(e, e.getErrorMessages());
            } catch (CreationException e) {
                throw unwrap(e, e.getErrorMessages());
            }
        }

        private static void requireTopology(PluginRegistry registry, ModelFile.Declared saved, Path file) {
            if (!registry.has(PluginKind.TOPOLOGY, saved.topology())) {
                throw new InvalidInputException(file + ": the model needs the topology '" + saved.topology()
                        + "', which is not installed (put its plugin jar in a plugin folder: --plugin-path DIR); "
                        + registry.available(PluginKind.TOPOLOGY));
            }
        }
    }

    private static RuntimeException unwrap(RuntimeException e, Iterable<Message> messages) {
        for (Message message : messages) {
            for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException || cause instanceof PluginException) {
                    return (RuntimeException) cause;
                }
            }
        }
        return e;
    }

    /** The effective configuration: defaults, run settings and overrides merged. */
    public Config config() {
        return config;
    }

    /** The effective configuration as HOCON, with the defaults' comments. */
    public String renderConfig() {
        return ConfigLoader.render(config);
    }

    /** {@code rnn4j.seed}. */
    public long seed() {
        return settings.seed();
    }

    /** The configured topology's name. */
    public String topology() {
        return settings.topology().name();
    }

    /** {@code rnn4j.output.dir}, where the command line makes run folders. */
    public Path outputDirectory() {
        return settings.outputDirectory();
    }

    /** Every plugin available, by kind and name, with where each came from. */
    public List<PluginInfo> plugins() {
        List<PluginInfo> all = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.ALL) {
            for (Plugin plugin : plugins.all(kind).values()) {
                all.add(new PluginInfo(kind.plural(), plugin.name(), plugin.description(), PluginSource.of(plugin.getClass())));
            }
        }
        return all;
    }

    /** The configured data set. */
    public DataSet data() {
        return engine().loadData(settings);
    }

    /**
     * The configured data's held-out sequences — those a training run with this configuration
     * holds out ({@code rnn4j.data.test-fraction}, {@code rnn4j.seed}) — or all of them when none are.
     */
    public DataSet heldOutData() {
        return engine().heldOut(data(), settings);
    }

    /** A new, untrained network of the configured topology for the configured data. */
    public Network network() {
        DataSet data = data();
        return network(data.inputSize(), data.outputSize());
    }

    /** A new, untrained network of the configured topology for {@code inputs → outputs}. */
    public Network network(int inputs, int outputs) {
        return engine().buildNetwork(settings, inputs, outputs);
    }

    /** The configured loss. */
    public Loss loss() {
        return engine().loss(settings);
    }

    /**
     * The configured trainer's session on {@code data}, for a runner that spreads epochs over
     * machines (the {@code spark} module computes each partition's gradient through one): a new
     * network of the configured topology, trained in place, updated through {@code updater}.
     */
    public EpochRunner epochRunner(DataSet data, ParameterUpdater updater, int batchSize) {
        TrainingEngine engine = engine();
        Network network = engine.buildNetwork(settings, data.inputSize(), data.outputSize());
        Trainer trainer = plugins.get(PluginKind.TRAINER, settings.trainer().name());
        TrainingSetup setup = new TrainingSetup(settings.trainer().settings(), network, data, engine.loss(settings), updater,
                batchSize, TrainingListener.NONE);
        TrainingSession session = PluginRegistry.call(trainer, () -> trainer.start(setup));
        return new EpochRunner(network, trainer, session);
    }

    /** Trains a new network on the configured data, telling each listener as it goes. */
    public TrainingRun train(TrainingListener... listeners) {
        return train(TrainingOptions.defaults().listeners(listeners));
    }

    /** Trains a new network on {@code data} (see {@link InMemoryData}), telling each listener as it goes. */
    public TrainingRun train(DataSet data, TrainingListener... listeners) {
        return train(TrainingOptions.defaults().data(data).listeners(listeners));
    }

    /**
     * Trains as configured and as {@code options} say. A stop requested by a listener, or the
     * thread's interrupt, ends the run after the current update ({@link TrainingRun#outcome()}
     * says so, and the interrupt stays set). An exception a listener throws ends the run and is
     * rethrown as it is.
     *
     * @throws InvalidInputException for a bad checkpoint or data that does not fit
     * @throws PluginException when a plugin's code fails (naming the plugin and its jar)
     */
    public TrainingRun train(TrainingOptions options) {
        TrainingEngine engine = engine();
        DataSet data = options.data() != null ? options.data() : engine.loadData(settings);
        Config effective = options.data() == null ? config
                : config.withValue("rnn4j.data.type", ConfigValueFactory.fromAnyRef(InMemoryData.TYPE));
        RunSettings used = options.data() == null ? settings : RunSettings.from(effective);
        Checkpoint resume = options.resumeFrom() == null ? null : readCheckpoint(options.resumeFrom());
        Checkpoint.Sink sink = options.checkpointTo() == null ? null
                : (checkpoint, network) -> OutputFiles.write(options.checkpointTo(), ModelFile.bytes(SavedModels.checkpoint(
                        checkpoint, network, used, effective, plugins, null, data.inputNames(), data.targetNames())));
        TrainingResult result = engine.train(used, new TrainingEngine.Request(data, fanOut(options.listeners()), resume, sink,
                options.sessions()));
        Model model = Model.trained(result, effective, reference, plugins);
        return new TrainingRun(model, result.outcome(), result.history(), result.evaluation(), result.elapsed());
    }

    private Checkpoint readCheckpoint(Path file) {
        // Its declared blocks against the network this run builds, before any array is read.
        SavedModel saved = ModelFile.read(file, declared -> SavedModels.requireFits(declared, settings, plugins,
                file.toString()));
        if (saved.checkpoint() == null) {
            throw new InvalidInputException(file + ": is a model, not a checkpoint");
        }
        return saved.checkpoint();
    }

    /**
     * Loads a model file, rebuilding its network through this rnn4j's plugins (to use the
     * plugin folders a model names, make this rnn4j with {@link Builder#model}).
     *
     * @throws InvalidInputException naming the file, for a bad file or a topology not installed
     */
    public Model load(Path file) {
        return Model.load(file, reference, plugins);
    }

    /**
     * What a model or checkpoint file holds — metadata, provenance, training, parameter blocks,
     * SHA-256 — as lines of text, without building its network.
     */
    public static List<String> inspect(Path file) {
        return ModelReport.lines(file, ModelFile.read(file));
    }

    private TrainingEngine engine() {
        return new TrainingEngine(plugins);
    }

    private static TrainingListener fanOut(List<TrainingListener> listeners) {
        return new TrainingListener() {
            @Override
            public void onStart(int epochs, int batchesPerEpoch) {
                for (TrainingListener listener : listeners) {
                    listener.onStart(epochs, batchesPerEpoch);
                }
            }

            @Override
            public void onBatch(BatchEvent event) {
                for (TrainingListener listener : listeners) {
                    listener.onBatch(event);
                }
            }

            @Override
            public void onEpoch(EpochEvent event) {
                for (TrainingListener listener : listeners) {
                    listener.onEpoch(event);
                }
            }

            @Override
            public void onEnd() {
                for (TrainingListener listener : listeners) {
                    listener.onEnd();
                }
            }

            @Override
            public boolean stopRequested() {
                for (TrainingListener listener : listeners) {
                    if (listener.stopRequested()) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
