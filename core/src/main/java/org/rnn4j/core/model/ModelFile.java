package org.rnn4j.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.EpochRecord;

/**
 * Reads and writes rnn4j model files: a zip holding {@code manifest.json} (format, version,
 * network shape, parameter index, provenance, training summary), {@code config.conf} (the
 * effective configuration) and one NumPy {@code .npy} array per parameter block. Checkpoints are
 * the same format with the run's state added. Described for other tools in
 * {@code docs/model-format.md}.
 *
 * <p>The facade writes the bytes whole to a temporary name and moves them into place. Reading refuses, with one line
 * naming the file, anything that is not a complete model of a known version.
 */
public final class ModelFile {

    /** The {@code format} value of every rnn4j model's manifest. */
    public static final String FORMAT = "rnn4j-model";

    /** The version this rnn4j writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** {@code model} as the bytes of a model file. */
    public static byte[] bytes(SavedModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                ObjectNode manifest = manifest(model);
                ArrayNode index = manifest.putArray("parameters");
                for (int i = 0; i < model.blocks().size(); i++) {
                    SavedModel.Block block = model.blocks().get(i);
                    String entry = "parameters/" + i + ".npy";
                    index.addObject().put("name", block.name()).put("file", entry)
                            .put("rows", block.value().numRows).put("cols", block.value().numCols);
                    put(zip, entry, Npy.write(block.value()));
                }
                if (model.checkpoint() != null) {
                    writeCheckpoint(zip, manifest.putObject("checkpoint"), model.checkpoint());
                }
                put(zip, "config.conf", ConfigLoader.render(model.config()).getBytes(StandardCharsets.UTF_8));
                put(zip, "manifest.json", JSON.writeValueAsBytes(manifest));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory failed", e);
        }
    }

    private static ObjectNode manifest(SavedModel model) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("rnn4j", model.rnn4jVersion());
        manifest.put("created", model.created());
        manifest.put("kind", model.checkpoint() == null ? "model" : "checkpoint");
        ObjectNode network = manifest.putObject("network");
        network.put("topology", model.topology());
        network.put("inputs", model.inputSize());
        network.put("outputs", model.outputSize());
        network.put("parameters", model.flatParameters().length);
        model.inputNames().forEach(network.putArray("input-names")::add);
        model.targetNames().forEach(network.putArray("target-names")::add);
        manifest.put("sha256", sha256(model.flatParameters()));
        manifest.set("provenance", model.provenance());
        manifest.set("training", model.training());
        if (model.normalization() != null) {
            Normalization n = model.normalization();
            ObjectNode node = manifest.putObject("normalization");
            array(node.putArray("input-mean"), n.inputMean());
            array(node.putArray("input-scale"), n.inputScale());
            array(node.putArray("target-mean"), n.targetMean());
            array(node.putArray("target-scale"), n.targetScale());
        }
        return manifest;
    }

    private static void writeCheckpoint(ZipOutputStream zip, ObjectNode node, Checkpoint checkpoint) throws IOException {
        node.put("epoch", checkpoint.epoch());
        node.put("best-epoch", checkpoint.bestEpoch());
        node.put("best-loss", checkpoint.bestLoss());
        ArrayNode history = node.putArray("history");
        for (EpochRecord record : checkpoint.history()) {
            ObjectNode row = history.addObject();
            row.put("epoch", record.epoch());
            row.put("train-loss", record.trainLoss());
            row.put("validation-loss", record.validationLoss());
            ObjectNode metrics = row.putObject("metrics");
            record.metrics().forEach(metrics::put);
        }
        ArrayNode optimizer = node.putArray("optimizer");
        int i = 0;
        // By name: an optimizer's state may be a Map.of, whose order changes from JVM to JVM.
        for (Map.Entry<String, double[]> entry : new java.util.TreeMap<>(checkpoint.optimizer()).entrySet()) {
            String file = "checkpoint/optimizer-" + i++ + ".npy";
            optimizer.addObject().put("name", entry.getKey()).put("file", file);
            put(zip, file, Npy.write(new DMatrixRMaj(1, entry.getValue().length, true, entry.getValue())));
        }
        if (checkpoint.bestParameters() != null) {
            node.put("best-parameters", "checkpoint/best-parameters.npy");
            put(zip, "checkpoint/best-parameters.npy",
                    Npy.write(new DMatrixRMaj(1, checkpoint.bestParameters().length, true, checkpoint.bestParameters())));
        }
    }

    /** A parameter block as the manifest declares it. */
    public record BlockShape(String name, String file, int rows, int cols) {
    }

    /** What a file declares before any of its arrays is read. */
    public record Declared(Config config, String topology, int inputs, int outputs, List<BlockShape> blocks) {
    }

    /**
     * Reads a model or checkpoint file (see {@link ModelReader}: bounded, every field checked).
     *
     * @throws InvalidInputException naming the file and what is wrong with it, in one line
     */
    public static SavedModel read(Path file) {
        return read(file, declared -> { });
    }

    /**
     * As {@link #read(Path)}, with {@code check} given what the file declares — its configuration,
     * topology, sizes and parameter blocks — before any array is read, to refuse a file whose
     * shapes do not fit the network its configuration builds.
     */
    public static SavedModel read(Path file, java.util.function.Consumer<Declared> check) {
        return ModelReader.read(file, JSON, check);
    }

    /** What a model or checkpoint file declares — configuration, topology, sizes, blocks — without reading its arrays. */
    public static Declared declared(Path file) {
        return ModelReader.declared(file, JSON);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** SHA-256 of the parameters as consecutive little-endian doubles, hexadecimal. */
    public static String sha256(double[] parameters) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * parameters.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : parameters) {
            bytes.putDouble(value);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void array(ArrayNode node, double[] values) {
        for (double value : values) {
            node.add(value);
        }
    }

    /** A new JSON object for a manifest's provenance or training section. */
    public static ObjectNode newObject() {
        return JSON.createObjectNode();
    }
}
