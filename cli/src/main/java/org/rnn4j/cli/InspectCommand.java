package org.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j inspect}: what a model file holds, without building its network. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a model or checkpoint file: metadata, provenance, training, parameter blocks, SHA-256.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j or checkpoint.rnn4j file.")
    private Path model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        SavedModel saved = ModelFile.read(model);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: rnn4j %s, format version %d, written %s%n", model, saved.checkpoint() == null ? "model" : "checkpoint",
                saved.formatVersion(), saved.created());
        out.printf("written by rnn4j %s%n", saved.rnn4jVersion());
        out.printf("network: %s, %d inputs, %d outputs, %d parameters%n", saved.topology(), saved.inputSize(),
                saved.outputSize(), saved.flatParameters().length);
        JsonNode provenance = saved.provenance();
        out.printf("provenance: seed %s, data %s, trainer %s, optimizer %s, loss %s, java %s%n",
                provenance.path("seed").asText("?"), provenance.path("data").asText("?"), provenance.path("trainer").asText("?"),
                provenance.path("optimizer").asText("?"), provenance.path("loss").asText("?"), provenance.path("java").asText("?"));
        for (JsonNode plugin : provenance.path("plugins")) {
            out.printf("  %-10s %-22s %s %s%n", plugin.path("kind").asText(), plugin.path("name").asText(),
                    plugin.path("class").asText(), plugin.path("version").asText());
        }
        JsonNode training = saved.training();
        if (training.has("epochs")) {
            JsonNode evaluation = training.path("evaluation");
            out.printf("training: %d epochs, %s; on %d %s: loss per step %.5f%n", training.path("epochs").asInt(),
                    training.path("ending").asText(), evaluation.path("sequences").asInt(), evaluation.path("data").asText(),
                    evaluation.path("loss-per-step").asDouble());
            evaluation.path("metrics").fields().forEachRemaining(m -> out.printf("  %-14s %.5f%n", m.getKey(), m.getValue().asDouble()));
        }
        for (JsonNode update : training.path("updates")) {
            out.println("updated: " + update.asText());
        }
        if (saved.checkpoint() != null) {
            out.printf("checkpoint after epoch %d%n", saved.checkpoint().epoch());
        }
        if (saved.normalization() != null) {
            out.println("normalization: inputs and targets scaled by the training data's mean and standard deviation");
        }
        out.println("parameter blocks:");
        for (SavedModel.Block block : saved.blocks()) {
            out.printf("  %-28s %4d x %d%n", block.name(), block.value().numRows, block.value().numCols);
        }
        out.println("sha256 of the parameters: " + ModelFile.sha256(saved.flatParameters()));
        return 0;
    }
}
