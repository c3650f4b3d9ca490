package org.rnn4j.core.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.engine.Checkpoint;
import org.rnn4j.core.engine.Evaluation;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * A network with what it was built and trained with, as saved in and loaded from a model file.
 * Loading rebuilds the network through the same plugin names (its topology must be installed)
 * and sets the saved parameters.
 *
 * @param network  the working network
 * @param settings the settings it was trained with
 * @param saved    the file's contents: provenance, training summary, normalization
 */
public record TrainedModel(Network network, RunSettings settings, SavedModel saved) {

    /** This rnn4j's version, from its jar (or "development" when run from classes). */
    public static String rnn4jVersion() {
        String version = TrainedModel.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Loads a model or checkpoint file.
     *
     * @throws InvalidInputException for a bad file, or a topology that is not installed (named)
     */
    public static TrainedModel load(Path file, PluginRegistry registry) {
        SavedModel saved = ModelFile.read(file);
        if (!registry.has(PluginKind.TOPOLOGY, saved.topology())) {
            throw new InvalidInputException(file + ": the model needs the topology '" + saved.topology()
                    + "', which is not installed (put its plugin jar on the plugin path); " + registry.available(PluginKind.TOPOLOGY));
        }
        RunSettings settings;
        Network network;
        try {
            // Keys added since the model was written take their defaults.
            settings = RunSettings.from(saved.config().withFallback(ConfigLoader.reference(TrainedModel.class.getClassLoader())).resolve());
            network = new TrainingEngine(registry).buildNetwork(settings, saved.inputSize(), saved.outputSize());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": the model's configuration no longer builds a network: " + e.getMessage(), e);
        }
        Parameters parameters = network.parameters();
        List<Parameters.Block> blocks = parameters.blocks();
        if (blocks.size() != saved.blocks().size()) {
            throw new InvalidInputException(file + ": the model has " + saved.blocks().size() + " parameter blocks but '"
                    + saved.topology() + "' builds " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            Parameters.Block block = blocks.get(i);
            SavedModel.Block stored = saved.blocks().get(i);
            if (!block.name().equals(stored.name()) || block.value().numRows != stored.value().numRows
                    || block.value().numCols != stored.value().numCols) {
                throw new InvalidInputException(file + ": parameter block " + (i + 1) + " is '" + stored.name() + "' "
                        + stored.value().numRows + "x" + stored.value().numCols + " but '" + saved.topology() + "' builds '"
                        + block.name() + "' " + block.value().numRows + "x" + block.value().numCols);
            }
            block.value().setTo(stored.value());
        }
        return new TrainedModel(network, settings, saved);
    }

    /**
     * This model as saved, with the network's current parameters (after online learning, say)
     * and {@code note} recorded under the training summary's "updates".
     */
    public SavedModel updated(String note) {
        List<SavedModel.Block> blocks = new ArrayList<>();
        for (Parameters.Block block : network.parameters().blocks()) {
            blocks.add(new SavedModel.Block(block.name(), block.value().copy()));
        }
        ObjectNode training = saved.training().deepCopy();
        training.withArray("updates").add(note);
        return new SavedModel(ModelFile.VERSION, rnn4jVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                saved.config(), saved.topology(), saved.inputSize(), saved.outputSize(), blocks, saved.provenance(), training,
                saved.normalization(), null);
    }

    /** What a finished run saves. */
    public static SavedModel of(TrainingResult result, Config effective, PluginRegistry registry) {
        ObjectNode training = ModelFile.newObject();
        training.put("epochs", result.history().size());
        training.put("ending", result.ending());
        if (!result.history().isEmpty()) {
            training.put("final-train-loss", result.history().get(result.history().size() - 1).trainLoss());
        }
        Evaluation evaluation = result.evaluation();
        ObjectNode evaluated = training.putObject("evaluation");
        evaluated.put("data", evaluation.dataName());
        evaluated.put("sequences", evaluation.sequences());
        evaluated.put("loss-per-step", evaluation.lossPerStep());
        ObjectNode metrics = evaluated.putObject("metrics");
        evaluation.metrics().forEach(metrics::put);
        return saved(result.network(), result.settings(), effective, registry, training, result.normalization(), null);
    }

    /** What a checkpoint saves: the run's state at the end of an epoch. */
    public static SavedModel checkpoint(Checkpoint checkpoint, Network layout, RunSettings settings, Config effective,
                                        PluginRegistry registry, Normalization normalization) {
        Parameters parameters = layout.parameters().zerosLike();
        parameters.unflatten(checkpoint.parameters());
        return saved(parameters, layout, settings, effective, registry, ModelFile.newObject(), normalization, checkpoint);
    }

    private static SavedModel saved(Network network, RunSettings settings, Config effective, PluginRegistry registry,
                                    ObjectNode training, Normalization normalization, Checkpoint checkpoint) {
        return saved(network.parameters(), network, settings, effective, registry, training, normalization, checkpoint);
    }

    private static SavedModel saved(Parameters parameters, Network network, RunSettings settings, Config effective,
                                    PluginRegistry registry, ObjectNode training, Normalization normalization,
                                    Checkpoint checkpoint) {
        List<SavedModel.Block> blocks = new ArrayList<>();
        for (Parameters.Block block : parameters.blocks()) {
            blocks.add(new SavedModel.Block(block.name(), block.value().copy()));
        }
        return new SavedModel(ModelFile.VERSION, rnn4jVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                effective.withOnlyPath("rnn4j"), settings.topology().name(), network.inputSize(), network.outputSize(),
                blocks, provenance(settings, registry), training, normalization, checkpoint);
    }

    private static ObjectNode provenance(RunSettings settings, PluginRegistry registry) {
        ObjectNode provenance = ModelFile.newObject();
        provenance.put("seed", settings.seed());
        provenance.put("data", settings.data().name());
        provenance.put("topology", settings.topology().name());
        provenance.put("trainer", settings.trainer().name());
        provenance.put("optimizer", settings.optimizer().name());
        provenance.put("loss", settings.loss());
        provenance.put("java", System.getProperty("java.version"));
        ArrayNode plugins = provenance.putArray("plugins");
        plugin(plugins, "data set", registry.get(PluginKind.DATA_SOURCE, settings.data().name()));
        plugin(plugins, "topology", registry.get(PluginKind.TOPOLOGY, settings.topology().name()));
        plugin(plugins, "trainer", registry.get(PluginKind.TRAINER, settings.trainer().name()));
        plugin(plugins, "optimizer", registry.get(PluginKind.OPTIMIZER, settings.optimizer().name()));
        plugin(plugins, "loss", registry.get(PluginKind.LOSS, settings.loss()));
        return provenance;
    }

    private static void plugin(ArrayNode plugins, String kind, Plugin plugin) {
        String version = plugin.getClass().getPackage().getImplementationVersion();
        plugins.addObject().put("kind", kind).put("name", plugin.name()).put("class", plugin.getClass().getName())
                .put("version", version == null ? "development" : version);
    }
}
