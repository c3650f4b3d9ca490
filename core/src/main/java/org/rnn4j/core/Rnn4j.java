package org.rnn4j.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.config.ConfigValidator;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.engine.Checkpoint;
import org.rnn4j.core.engine.Evaluation;
import org.rnn4j.core.engine.SessionFactory;
import org.rnn4j.core.model.TrainedModel;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * The front door: one configured rnn4j. Made from a {@link Config} (the run's settings; every
 * module's defaults fill in the rest), checked in full when made, then asked to train.
 *
 * <pre>{@code
 * Rnn4j rnn4j = Rnn4j.create(ConfigFactory.parseString("rnn4j.topology.hidden = [16]"));
 * TrainingResult result = rnn4j.train();
 * }</pre>
 *
 * <p>Instances share nothing: two in one JVM train independently. Nothing here prints, exits
 * or keeps global state; logging goes through SLF4J.
 */
public final class Rnn4j {

    private final Config config;
    private final PluginRegistry plugins;
    private final RunSettings settings;

    @Inject
    Rnn4j(@Named(Rnn4jModule.CONFIG) Config config, @Named(Rnn4jModule.CONFIG + ".reference") Config reference,
          PluginRegistry plugins) {
        this.config = config;
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
        return create(run, Rnn4j.class.getClassLoader(), modules);
    }

    /** rnn4j with the plugins and defaults {@code loader} sees, configured by {@code run}. */
    public static Rnn4j create(Config run, ClassLoader loader, Module... modules) {
        List<Module> all = new ArrayList<>();
        all.add(new Rnn4jModule(run, loader));
        all.addAll(Arrays.asList(modules));
        try {
            Injector injector = Guice.createInjector(all);
            return injector.getInstance(Rnn4j.class);
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages());
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages());
        }
    }

    /** Every plugin {@code loader} sees, without configuring a run. */
    public static PluginRegistry plugins(ClassLoader loader) {
        return plugins(com.typesafe.config.ConfigFactory.empty(), loader);
    }

    /** Every plugin {@code loader} and the plugin folders of {@code run} ({@code rnn4j.plugin-path}) give. */
    public static PluginRegistry plugins(Config run, ClassLoader loader) {
        try {
            return Guice.createInjector(new Rnn4jModule(run, loader))
                    .getInstance(PluginRegistry.class);
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages());
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages());
        }
    }

    private static RuntimeException unwrap(RuntimeException e, Iterable<Message> messages) {
        for (Message message : messages) {
            for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return invalid;
                }
            }
        }
        return e;
    }

    /** The effective configuration: defaults, run settings and overrides merged. */
    public Config config() {
        return config;
    }

    /** The effective configuration as HOCON. */
    public String renderConfig() {
        return ConfigLoader.render(config);
    }

    /** The settings read from {@link #config()}. */
    public RunSettings settings() {
        return settings;
    }

    /** Every plugin available. */
    public PluginRegistry plugins() {
        return plugins;
    }

    /** The configured data set. */
    public DataSet data() {
        return new TrainingEngine(plugins).loadData(settings);
    }

    /** A new, untrained network of the configured topology for the configured data. */
    public Network network() {
        TrainingEngine engine = new TrainingEngine(plugins);
        return engine.buildNetwork(settings, engine.loadData(settings));
    }

    /** A trained model's loss and task metrics on the configured data's held-out sequences. */
    public Evaluation evaluate(TrainedModel model) {
        return new TrainingEngine(plugins).evaluate(settings, model.network(), model.saved().normalization());
    }

    /** Saves a finished run's network, configuration, provenance and normalization as a model file (atomically). */
    public void save(TrainingResult result, java.nio.file.Path file) {
        org.rnn4j.core.model.ModelFile.write(file, TrainedModel.of(result, config, plugins));
    }

    /** Loads a model file, rebuilding its network through the plugins this rnn4j has. */
    public TrainedModel load(java.nio.file.Path file) {
        return TrainedModel.load(file, plugins);
    }

    /** Trains a new network as configured, telling each listener as it goes. */
    public TrainingResult train(TrainingListener... listeners) {
        return train(null, null, listeners);
    }

    /**
     * Trains as configured — from scratch, or continuing {@code resume} — handing a checkpoint to
     * {@code sink} every {@code rnn4j.trainer.checkpoint-every} epochs and when stopped (either may
     * be null).
     */
    public TrainingResult train(Checkpoint resume, Checkpoint.Sink sink, TrainingListener... listeners) {
        return train(resume, sink, SessionFactory.LOCAL, listeners);
    }

    /**
     * As {@link #train(Checkpoint, Checkpoint.Sink, TrainingListener...)}, with each epoch run by a
     * session from {@code sessions} (the {@code spark} module's data-parallel training, say).
     */
    public TrainingResult train(Checkpoint resume, Checkpoint.Sink sink, SessionFactory sessions,
                                TrainingListener... listeners) {
        return new TrainingEngine(plugins).train(settings, fanOut(List.of(listeners)), resume, sink, sessions);
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
