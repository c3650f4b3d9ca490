package org.rnn4j.core.plugin;

import java.util.List;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;

/**
 * The kinds of plugin rnn4j discovers: the service interface, the word for one in messages,
 * and where a run chooses one and where its defaults live.
 *
 * @param type        the service interface
 * @param noun        "topology", "trainer", … as used in messages
 * @param plural      the plural of {@code noun}
 * @param selection   the configuration path whose {@code type} key names the chosen plugin, or
 *                    null for plugins named elsewhere (activations, losses)
 * @param defaultsRoot where each plugin's defaults live, as {@code <defaultsRoot>.<name>}, or null
 */
public record PluginKind<T extends Plugin>(Class<T> type, String noun, String plural, String selection, String defaultsRoot) {

    public static final PluginKind<Topology> TOPOLOGY =
            new PluginKind<>(Topology.class, "topology", "topologies", "rnn4j.topology", "rnn4j.topologies");
    public static final PluginKind<Trainer> TRAINER =
            new PluginKind<>(Trainer.class, "trainer", "trainers", "rnn4j.trainer", "rnn4j.trainers");
    public static final PluginKind<Optimizer> OPTIMIZER =
            new PluginKind<>(Optimizer.class, "optimizer", "optimizers", "rnn4j.trainer.optimizer", "rnn4j.optimizers");
    public static final PluginKind<DataSource> DATA_SOURCE =
            new PluginKind<>(DataSource.class, "data set", "data sets", "rnn4j.data", "rnn4j.datasets");
    public static final PluginKind<Activation> ACTIVATION =
            new PluginKind<>(Activation.class, "activation", "activations", null, null);
    public static final PluginKind<Loss> LOSS =
            new PluginKind<>(Loss.class, "loss", "losses", null, null);

    /** The kind whose interface is {@code type}, or null for another interface. */
    public static PluginKind<?> of(Class<?> type) {
        for (PluginKind<?> kind : ALL) {
            if (kind.type().equals(type)) {
                return kind;
            }
        }
        return null;
    }

    /** Every kind, in the order {@code rnn4j list} shows them. */
    public static final List<PluginKind<?>> ALL = List.of(TOPOLOGY, TRAINER, OPTIMIZER, ACTIVATION, LOSS, DATA_SOURCE);
}
