package org.rnn4j.core.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * Builds the contents of model and checkpoint files from a network and its run, and rebuilds a
 * working network from them through the same plugin names.
 */
public final class SavedModels {

    private SavedModels() {
    }

    /** This rnn4j's version, from its jar (or "development" when run from classes). */
    public static String rnn4jVersion() {
        String version = SavedModels.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** A run's training summary: epochs, ending, the evaluation. */
    public static ObjectNode training(int epochs, String ending, double finalTrainLoss, Evaluation evaluation) {
        ObjectNode training = ModelFile.newObject();
        training.put("epochs", epochs);
        training.put("ending", ending);
        if (epochs > 0) {
            training.put("final-train-loss", finalTrainLoss);
        }
        ObjectNode evaluated = training.putObject("evaluation");
        evaluated.put("data", evaluation.dataName());
        evaluated.put("sequences", evaluation.sequences());
        evaluated.put("loss-per-step", evaluation.lossPerStep());
        ObjectNode metrics = evaluated.putObject("metrics");
        evaluation.metrics().forEach(metrics::put);
        return training;
    }

    /** A model's contents: {@code parameters} (in {@code layout}'s blocks) and what they were trained with. */
    public static SavedModel model(Parameters parameters, RunSettings settings, Config effective, PluginRegistry registry,
                                   ObjectNode training, Normalization normalization, List<String> inputNames,
                                   List<String> targetNames) {
        return saved(parameters, settings, effective, registry, training, normalization, null, inputNames, targetNames);
    }

    /** What a checkpoint saves: the run's state at the end of an epoch, in {@code layout}'s blocks. */
    public static SavedModel checkpoint(Checkpoint checkpoint, Network layout, RunSettings settings, Config effective,
                                        PluginRegistry registry, Normalization normalization, List<String> inputNames,
                                        List<String> targetNames) {
        Parameters parameters = layout.parameters().zerosLike();
        parameters.unflatten(checkpoint.parameters());
        return saved(parameters, settings, effective, registry, ModelFile.newObject(), normalization, checkpoint,
                inputNames, targetNames);
    }

    /** {@code saved} with other parameters and {@code note} added to the training summary's "updates". */
    public static SavedModel updated(SavedModel saved, Parameters parameters, String note) {
        ObjectNode training = saved.training().deepCopy();
        training.withArray("updates").add(note);
        return new SavedModel(ModelFile.VERSION, rnn4jVersion(), now(), saved.config(), saved.topology(), saved.inputSize(),
                saved.outputSize(), blocks(parameters), saved.provenance(), training, saved.normalization(), null,
                saved.inputNames(), saved.targetNames());
    }

    /** The settings a stored configuration gives, keys added since it was written taking their defaults. */
    public static RunSettings settings(Config stored, Config reference, String origin) {
        try {
            return RunSettings.from(stored.withFallback(reference).resolve());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(origin + ": the model's configuration is not valid: " + e.getMessage(), e);
        } catch (com.typesafe.config.ConfigException e) {
            throw new InvalidInputException(origin + ": the model's configuration is not valid: "
                    + InvalidInputException.quote(String.valueOf(e.getMessage()).replace(origin + ": ", "")), e);
        }
    }

    /**
     * A working network with the saved parameters, built through the saved topology's plugin.
     *
     * @throws InvalidInputException naming {@code origin}, when the topology is not installed or
     *         builds other parameter blocks than the file holds
     */
    public static Network network(SavedModel saved, RunSettings settings, PluginRegistry registry, String origin) {
        Network network = network(saved.topology(), saved.inputSize(), saved.outputSize(), settings, registry, origin);
        List<ModelFile.BlockShape> shapes = new ArrayList<>();
        for (SavedModel.Block block : saved.blocks()) {
            shapes.add(new ModelFile.BlockShape(block.name(), "", block.value().numRows, block.value().numCols));
        }
        requireShapes(network, shapes, saved.topology(), origin);
        List<Parameters.Block> blocks = network.parameters().blocks();
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).value().setTo(saved.blocks().get(i).value());
        }
        return network;
    }

    /**
     * Checks what a file declares against the network its configuration builds, before any array
     * is read: a file is never read further than the model it can be.
     */
    public static void requireFits(ModelFile.Declared declared, Config reference, PluginRegistry registry, String origin) {
        requireFits(declared, settings(declared.config(), reference, origin), registry, origin);
    }

    /** As above, against the network {@code settings} build (a run resuming from a checkpoint). */
    public static void requireFits(ModelFile.Declared declared, RunSettings settings, PluginRegistry registry,
                                   String origin) {
        Network network = network(settings.topology().name(), declared.inputs(), declared.outputs(), settings, registry,
                origin);
        requireShapes(network, declared.blocks(), settings.topology().name(), origin);
    }

    private static Network network(String topology, int inputs, int outputs, RunSettings settings, PluginRegistry registry,
                                   String origin) {
        if (!registry.has(PluginKind.TOPOLOGY, topology)) {
            throw new InvalidInputException(origin + ": the model needs the topology '" + topology
                    + "', which is not installed (put its plugin jar on the plugin path); "
                    + registry.available(PluginKind.TOPOLOGY));
        }
        try {
            return new TrainingEngine(registry).buildNetwork(settings, inputs, outputs);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(origin + ": the model's configuration no longer builds a network: " + e.getMessage(), e);
        }
    }

    private static void requireShapes(Network network, List<ModelFile.BlockShape> shapes, String topology, String origin) {
        List<Parameters.Block> blocks = network.parameters().blocks();
        if (blocks.size() != shapes.size()) {
            throw new InvalidInputException(origin + ": the model has " + shapes.size() + " parameter blocks but '"
                    + topology + "' builds " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            Parameters.Block block = blocks.get(i);
            ModelFile.BlockShape stored = shapes.get(i);
            if (!block.name().equals(stored.name()) || block.value().numRows != stored.rows()
                    || block.value().numCols != stored.cols()) {
                throw new InvalidInputException(origin + ": parameter block " + (i + 1) + " is '" + ModelReader.clip(stored.name())
                        + "' " + stored.rows() + "x" + stored.cols() + " but '" + topology + "' builds '" + block.name() + "' "
                        + block.value().numRows + "x" + block.value().numCols);
            }
        }
    }

    private static SavedModel saved(Parameters parameters, RunSettings settings, Config effective, PluginRegistry registry,
                                    ObjectNode training, Normalization normalization, Checkpoint checkpoint,
                                    List<String> inputNames, List<String> targetNames) {
        List<SavedModel.Block> blocks = blocks(parameters);
        int inputs = inputNames.size();
        int outputs = targetNames.size();
        return new SavedModel(ModelFile.VERSION, rnn4jVersion(), now(), effective.withOnlyPath("rnn4j"),
                settings.topology().name(), inputs, outputs, blocks, provenance(settings, registry), training, normalization,
                checkpoint, inputNames, targetNames);
    }

    private static List<SavedModel.Block> blocks(Parameters parameters) {
        List<SavedModel.Block> blocks = new ArrayList<>();
        for (Parameters.Block block : parameters.blocks()) {
            blocks.add(new SavedModel.Block(block.name(), block.value().copy()));
        }
        return blocks;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
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
        if (registry.has(PluginKind.DATA_SOURCE, settings.data().name())) {
            plugin(plugins, "data set", registry.get(PluginKind.DATA_SOURCE, settings.data().name()));
        }
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
