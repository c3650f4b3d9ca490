package org.rnn4j.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Transform;

/** What a model or checkpoint file holds, as lines for a person ({@code rnn4j inspect}). */
public final class ModelReport {

    private ModelReport() {
    }

    /** The report of {@code saved}, read from {@code file}. */
    public static List<String> lines(Path file, SavedModel saved) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: rnn4j %s, format version %d, written %s", file,
                saved.checkpoint() == null ? "model" : "checkpoint", saved.formatVersion(), saved.created()));
        out.add("written by rnn4j " + saved.rnn4jVersion());
        out.add(String.format(Locale.ROOT, "network: %s, %d inputs (%s), %d outputs (%s), %d parameters", saved.topology(),
                saved.inputSize(), String.join(", ", saved.inputNames()), saved.outputSize(),
                String.join(", ", saved.targetNames()), saved.flatParameters().length));
        JsonNode provenance = saved.provenance();
        out.add(String.format(Locale.ROOT, "provenance: seed %s, data %s, trainer %s, optimizer %s, loss %s, java %s",
                provenance.path("seed").asText("?"), provenance.path("data").asText("?"), provenance.path("trainer").asText("?"),
                provenance.path("optimizer").asText("?"), provenance.path("loss").asText("?"), provenance.path("java").asText("?")));
        for (JsonNode plugin : provenance.path("plugins")) {
            out.add(String.format(Locale.ROOT, "  %-10s %-22s %s %s", plugin.path("kind").asText(), plugin.path("name").asText(),
                    plugin.path("class").asText(), plugin.path("version").asText()));
        }
        JsonNode training = saved.training();
        if (training.has("epochs")) {
            JsonNode evaluation = training.path("evaluation");
            out.add(String.format(Locale.ROOT, "training: %d epochs, %s; on %d %s: loss per step %.5f",
                    training.path("epochs").asInt(), training.path("ending").asText(), evaluation.path("sequences").asInt(),
                    evaluation.path("data").asText(), evaluation.path("loss-per-step").asDouble()));
            evaluation.path("metrics").fields().forEachRemaining(
                    m -> out.add(String.format(Locale.ROOT, "  %-14s %.5f", m.getKey(), m.getValue().asDouble())));
        }
        for (JsonNode update : training.path("updates")) {
            out.add("updated: " + update.asText());
        }
        if (saved.checkpoint() != null) {
            out.add("checkpoint after epoch " + saved.checkpoint().epoch());
        }
        try {
            Transform transform = RunSettings.transform(saved.config());
            if (!transform.isIdentity()) {
                out.add("transform: " + transform.describe() + " (rnn4j.data.transform, undone on every prediction)");
            }
        } catch (InvalidInputException | ConfigException e) {
            out.add("transform: unreadable: " + e.getMessage());
        }
        if (saved.normalization() != null) {
            out.add("normalization: inputs and targets scaled by the training data's mean and standard deviation");
        }
        out.add("parameter blocks:");
        for (SavedModel.Block block : saved.blocks()) {
            out.add(String.format(Locale.ROOT, "  %-28s %4d x %d", block.name(), block.value().numRows, block.value().numCols));
        }
        out.add("sha256 of the parameters: " + ModelFile.sha256(saved.flatParameters()));
        return out;
    }
}
