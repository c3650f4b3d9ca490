package org.rnn4j.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
        for (Map.Entry<String, double[]> entry : checkpoint.optimizer().entrySet()) {
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

    /**
     * Reads a model or checkpoint file.
     *
     * @throws InvalidInputException naming the file and what is wrong with it, in one line
     */
    public static SavedModel read(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(file + ": no such model file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode manifest = readManifest(zip, file);
            int version = manifest.path("version").asInt(-1);
            if (version > VERSION) {
                throw new InvalidInputException(file + ": written by a newer rnn4j (" + manifest.path("rnn4j").asText("?")
                        + ", model format version " + version + "); this one reads format version " + VERSION
                        + " and older");
            }
            if (version < 1) {
                throw new InvalidInputException(file + ": the manifest has no valid format version");
            }
            Config config = ConfigLoader.stored(new String(entry(zip, file, "config.conf"), StandardCharsets.UTF_8),
                    file.toString());
            JsonNode network = manifest.path("network");
            int inputs = network.path("inputs").asInt();
            int outputs = network.path("outputs").asInt();
            List<SavedModel.Block> blocks = new ArrayList<>();
            for (JsonNode block : manifest.path("parameters")) {
                String name = block.path("name").asText();
                DMatrixRMaj value = Npy.read(entry(zip, file, block.path("file").asText()), file + " parameter '" + name + "'");
                if (value.numRows != block.path("rows").asInt() || value.numCols != block.path("cols").asInt()) {
                    throw new InvalidInputException(file + ": parameter '" + name + "' is " + value.numRows + "x" + value.numCols
                            + " but the manifest says " + block.path("rows").asInt() + "x" + block.path("cols").asInt());
                }
                blocks.add(new SavedModel.Block(name, value));
            }
            double[] flat = SavedModel.flatten(blocks);
            SavedModel model = new SavedModel(version, manifest.path("rnn4j").asText(), manifest.path("created").asText(),
                    config, network.path("topology").asText(), inputs, outputs,
                    blocks, object(manifest.path("provenance")), object(manifest.path("training")),
                    readNormalization(manifest.path("normalization")),
                    manifest.has("checkpoint") ? readCheckpoint(zip, file, manifest.path("checkpoint"), flat) : null,
                    names(file, network.path("input-names"), "input", inputs),
                    names(file, network.path("target-names"), "target", outputs));
            String expected = manifest.path("sha256").asText();
            String actual = sha256(model.flatParameters());
            if (!actual.equals(expected)) {
                throw new InvalidInputException(file + ": the parameters do not match their SHA-256 (file corrupt)");
            }
            if (network.path("parameters").asInt() != model.flatParameters().length) {
                throw new InvalidInputException(file + ": the manifest counts " + network.path("parameters").asInt()
                        + " parameters but the file holds " + model.flatParameters().length);
            }
            return model;
        } catch (ZipException e) {
            throw new InvalidInputException(file + ": not a complete rnn4j model file (" + e.getMessage()
                    + "; truncated, or not a model at all)", e);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such model file", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    private static JsonNode readManifest(ZipFile zip, Path file) throws IOException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(entry(zip, file, "manifest.json"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": its manifest.json is not valid JSON (file corrupt)", e);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new InvalidInputException(file + ": not an rnn4j model (its manifest's format is '"
                    + manifest.path("format").asText() + "', expected '" + FORMAT + "')");
        }
        return manifest;
    }

    private static Checkpoint readCheckpoint(ZipFile zip, Path file, JsonNode node, double[] parameters) throws IOException {
        List<EpochRecord> history = new ArrayList<>();
        for (JsonNode row : node.path("history")) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            row.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            history.add(new EpochRecord(row.path("epoch").asInt(), number(row.path("train-loss")),
                    number(row.path("validation-loss")), metrics));
        }
        Map<String, double[]> optimizer = new LinkedHashMap<>();
        for (JsonNode entry : node.path("optimizer")) {
            optimizer.put(entry.path("name").asText(),
                    Npy.read(entry(zip, file, entry.path("file").asText()), file + " optimizer state").data);
        }
        double[] best = node.has("best-parameters")
                ? Npy.read(entry(zip, file, node.path("best-parameters").asText()), file + " best parameters").data : null;
        return new Checkpoint(node.path("epoch").asInt(), parameters, optimizer, history,
                best, number(node.path("best-loss")), node.path("best-epoch").asInt());
    }

    private static Normalization readNormalization(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new Normalization(doubles(node.path("input-mean")), doubles(node.path("input-scale")),
                doubles(node.path("target-mean")), doubles(node.path("target-scale")));
    }

    private static byte[] entry(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new InvalidInputException(file + ": not a complete rnn4j model file (no " + name + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
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

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode object ? object : JSON.createObjectNode();
    }

    private static void array(ArrayNode node, double[] values) {
        for (double value : values) {
            node.add(value);
        }
    }

    private static double[] doubles(JsonNode node) {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    /** The names of a network's inputs or targets; numbered ones for a file (format 1 before names) that keeps none. */
    private static List<String> names(Path file, JsonNode node, String kind, int count) {
        if (node.isMissingNode()) {
            return org.rnn4j.api.data.DataSet.numbered(kind, Math.max(count, 0));
        }
        if (!node.isArray() || node.size() != count) {
            throw new InvalidInputException(file + ": the manifest's network." + kind + "-names should list " + count
                    + " names");
        }
        List<String> names = new ArrayList<>();
        node.forEach(name -> names.add(name.asText()));
        return names;
    }

    /** JSON has no NaN or infinity: Jackson writes them as strings, read back here. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : node.isTextual() ? Double.parseDouble(node.asText()) : Double.NaN;
    }

    /** A new JSON object for a manifest's provenance or training section. */
    public static ObjectNode newObject() {
        return JSON.createObjectNode();
    }
}
