package org.rnn4j.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Memory;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.data.Normalization;

/**
 * Reads a model or checkpoint file as untrusted data. Every entry's size is known before it is
 * read — a fixed cap for the manifest and the configuration, the declared shapes for the arrays —
 * and an entry larger than that is refused without reading it whole; every field is checked for
 * its type and range with overflow-checked arithmetic; the arrays are read only after the caller
 * has checked the declared shapes (against the network the configuration builds). Anything wrong
 * is one {@link InvalidInputException} line naming the file and the field.
 */
final class ModelReader {

    /** The most a manifest may hold (a checkpoint's history of a long run included). */
    static final int MAX_MANIFEST = 16 << 20;

    /** The most a stored configuration may hold. */
    static final int MAX_CONFIG = 1 << 20;

    /** The most values a parameter block, or all of them together, may hold: a Java array's limit in bytes. */
    static final long MAX_VALUES = (Integer.MAX_VALUE - 65_600L) / 8;

    /** The most arrays a checkpoint's optimizer state may have, each at most 4p + 64 values. */
    static final int MAX_OPTIMIZER_ARRAYS = 32;

    private static final int MAX_NAMES = 1_000_000;

    private final Path file;
    private final ZipFile zip;
    private final ObjectMapper json;

    private ModelReader(Path file, ZipFile zip, ObjectMapper json) {
        this.file = file;
        this.zip = zip;
        this.json = json;
    }

    static SavedModel read(Path file, ObjectMapper json, Consumer<ModelFile.Declared> check) {
        return open(file, json, reader -> reader.read(check));
    }

    static ModelFile.Declared declared(Path file, ObjectMapper json) {
        return open(file, json, reader -> reader.header().declared());
    }

    private interface Reading<T> {
        T apply(ModelReader reader) throws IOException;
    }

    private static <T> T open(Path file, ObjectMapper json, Reading<T> reading) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such model file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return reading.apply(new ModelReader(file, zip, json));
        } catch (ZipException e) {
            throw refused(file, "not a complete rnn4j model file (" + e.getMessage() + "; truncated, or not a model at all)");
        } catch (NoSuchFileException e) {
            throw refused(file, "no such model file");
        } catch (IOException e) {
            throw refused(file, "cannot read the model: " + e.getMessage());
        }
    }

    /** The manifest and configuration, read and checked; no array read yet. */
    private record Header(JsonNode manifest, int version, ModelFile.Declared declared, Normalization normalization,
                          List<String> inputNames, List<String> targetNames) {
    }

    private SavedModel read(Consumer<ModelFile.Declared> check) throws IOException {
        Header header = header();
        check.accept(header.declared());
        JsonNode manifest = header.manifest();
        List<SavedModel.Block> blocks = new ArrayList<>();
        for (ModelFile.BlockShape shape : header.declared().blocks()) {
            DMatrixRMaj value = array(shape.file(), shape.rows(), shape.cols(), "parameter '" + shape.name() + "'");
            blocks.add(new SavedModel.Block(shape.name(), value));
        }
        double[] flat = SavedModel.flatten(blocks);
        if (!ModelFile.sha256(flat).equals(manifest.path("sha256").asText())) {
            throw refused("the parameters do not match their SHA-256 (file corrupt)");
        }
        Checkpoint checkpoint = manifest.has("checkpoint") ? checkpoint(object(manifest, "checkpoint", "checkpoint"), flat)
                : null;
        ModelFile.Declared declared = header.declared();
        return new SavedModel(header.version(), manifest.path("rnn4j").asText(""), manifest.path("created").asText(""),
                declared.config(), declared.topology(), declared.inputs(), declared.outputs(), blocks,
                objectOrEmpty(manifest.path("provenance")), objectOrEmpty(manifest.path("training")), header.normalization(),
                checkpoint, header.inputNames(), header.targetNames());
    }

    private Header header() throws IOException {
        JsonNode manifest = manifest();
        int version = integer(manifest, "version", "version", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (version > ModelFile.VERSION) {
            throw refused("written by a newer rnn4j (" + manifest.path("rnn4j").asText("?") + ", model format version "
                    + version + "); this one reads format version " + ModelFile.VERSION + " and older");
        }
        if (version < 1) {
            throw refused("the manifest has no valid format version (version " + version + ")");
        }
        Config config = ConfigLoader.stored(new String(entry("config.conf", MAX_CONFIG), StandardCharsets.UTF_8),
                file.toString());
        JsonNode network = object(manifest, "network", "network");
        String topology = text(network, "topology", "network.topology");
        int inputs = integer(network, "inputs", "network.inputs", 1, MAX_NAMES);
        int outputs = integer(network, "outputs", "network.outputs", 1, MAX_NAMES);
        List<ModelFile.BlockShape> shapes = shapes(manifest);
        long total = 0;
        for (ModelFile.BlockShape shape : shapes) {
            total = Math.addExact(total, (long) shape.rows() * shape.cols());
        }
        long declared = integer(network, "parameters", "network.parameters", 0, MAX_VALUES);
        if (declared != total || total > MAX_VALUES) {
            throw refused("the manifest's network.parameters is " + declared + " but its parameter blocks hold " + total);
        }
        // The blocks, their flat copy and the network they are set into; a checkpoint's best parameters and
        // optimizer arrays (each at most 4p + 64 values) besides.
        int optimizerArrays = manifest.path("checkpoint").path("optimizer").size();
        long values = Math.addExact(Math.multiplyExact(total, 4), Math.multiplyExact(Math.min(optimizerArrays,
                MAX_OPTIMIZER_ARRAYS), 4 * total + 64));
        Memory.require(Memory.doubles(values, 1), file + ": its " + total + " parameters (and a checkpoint's state)",
                "open it where more memory is");
        List<String> inputNames = names(network.path("input-names"), "input", inputs);
        List<String> targetNames = names(network.path("target-names"), "target", outputs);
        Normalization normalization = normalization(manifest.path("normalization"), inputs, outputs);
        return new Header(manifest, version, new ModelFile.Declared(config, topology, inputs, outputs, shapes), normalization,
                inputNames, targetNames);
    }

    private JsonNode manifest() throws IOException {
        JsonNode manifest;
        try {
            manifest = json.readTree(entry("manifest.json", MAX_MANIFEST));
        } catch (JsonProcessingException e) {
            throw refused("its manifest.json is not valid JSON (file corrupt)");
        }
        if (manifest == null || !manifest.isObject()) {
            throw refused("its manifest.json is not a JSON object (file corrupt)");
        }
        if (!ModelFile.FORMAT.equals(manifest.path("format").asText())) {
            throw refused("not an rnn4j model (its manifest's format is '" + clip(manifest.path("format").asText())
                    + "', expected '" + ModelFile.FORMAT + "')");
        }
        return manifest;
    }

    private List<ModelFile.BlockShape> shapes(JsonNode manifest) {
        JsonNode index = manifest.path("parameters");
        if (!index.isArray()) {
            throw refused("the manifest's parameters should be a list of blocks");
        }
        List<ModelFile.BlockShape> shapes = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            String field = "parameters[" + i + "]";
            JsonNode block = object(index, i, field);
            int rows = integer(block, "rows", field + ".rows", 0, MAX_VALUES);
            int cols = integer(block, "cols", field + ".cols", 0, MAX_VALUES);
            if ((long) rows * cols > MAX_VALUES) {
                throw refused("the manifest's " + field + " is " + rows + "x" + cols + ", too large for one block");
            }
            shapes.add(new ModelFile.BlockShape(text(block, "name", field + ".name"), text(block, "file", field + ".file"),
                    rows, cols));
        }
        return shapes;
    }

    private Checkpoint checkpoint(JsonNode node, double[] parameters) throws IOException {
        int epoch = integer(node, "epoch", "checkpoint.epoch", 0, Integer.MAX_VALUE);
        JsonNode rows = node.path("history");
        if (!rows.isArray() || rows.size() != epoch) {
            throw refused("the checkpoint of epoch " + epoch + " should have " + epoch + " epochs of history; it has "
                    + (rows.isArray() ? rows.size() : "none"));
        }
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String field = "checkpoint.history[" + i + "]";
            JsonNode row = object(rows, i, field);
            int number = integer(row, "epoch", field + ".epoch", i + 1, i + 1);
            Map<String, Double> metrics = new LinkedHashMap<>();
            JsonNode values = row.path("metrics");
            if (!values.isMissingNode() && !values.isObject()) {
                throw refused("the manifest's " + field + ".metrics should be an object of numbers");
            }
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) values::fields) {
                metrics.put(entry.getKey(), number(entry.getValue(), field + ".metrics." + clip(entry.getKey())));
            }
            history.add(new EpochRecord(number, number(row.path("train-loss"), field + ".train-loss"),
                    number(row.path("validation-loss"), field + ".validation-loss"), metrics));
        }
        int bestEpoch = integer(node, "best-epoch", "checkpoint.best-epoch", 0, epoch);
        double bestLoss = number(node.path("best-loss"), "checkpoint.best-loss");
        JsonNode optimizerIndex = node.path("optimizer");
        if (!optimizerIndex.isArray() || optimizerIndex.size() > MAX_OPTIMIZER_ARRAYS) {
            throw refused("the manifest's checkpoint.optimizer should list at most " + MAX_OPTIMIZER_ARRAYS + " arrays");
        }
        long limit = Math.min(MAX_VALUES, 4L * parameters.length + 64);
        Map<String, double[]> optimizer = new LinkedHashMap<>();
        for (int i = 0; i < optimizerIndex.size(); i++) {
            String field = "checkpoint.optimizer[" + i + "]";
            JsonNode entry = object(optimizerIndex, i, field);
            optimizer.put(text(entry, "name", field + ".name"), vector(text(entry, "file", field + ".file"), limit,
                    "optimizer state '" + clip(entry.path("name").asText()) + "'"));
        }
        double[] best = null;
        if (node.has("best-parameters")) {
            best = vector(text(node, "best-parameters", "checkpoint.best-parameters"), parameters.length, "best parameters");
            if (best.length != parameters.length) {
                throw refused("its best parameters hold " + best.length + " values, not " + parameters.length);
            }
        }
        return new Checkpoint(epoch, parameters, optimizer, history, best, bestLoss, bestEpoch);
    }

    private Normalization normalization(JsonNode node, int inputs, int outputs) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw refused("the manifest's normalization should be an object");
        }
        return new Normalization(finite(node, "input-mean", inputs, false), finite(node, "input-scale", inputs, true),
                finite(node, "target-mean", outputs, false), finite(node, "target-scale", outputs, true));
    }

    private double[] finite(JsonNode parent, String name, int length, boolean positive) {
        String field = "normalization." + name;
        JsonNode node = parent.path(name);
        if (!node.isArray() || node.size() != length) {
            throw refused("the manifest's " + field + " should list " + length + " numbers");
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || positive && !(value.asDouble() > 0)) {
                throw refused("the manifest's " + field + "[" + i + "] is " + clip(value.toString()) + "; expected a finite"
                        + (positive ? " positive" : "") + " number");
            }
            values[i] = value.asDouble();
        }
        return values;
    }

    private List<String> names(JsonNode node, String kind, int count) {
        if (node.isMissingNode()) {
            return DataSet.numbered(kind, count);
        }
        if (!node.isArray() || node.size() != count) {
            throw refused("the manifest's network." + kind + "-names should list " + count + " names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual() || name.asText().isBlank() || names.contains(name.asText())) {
                throw refused("the manifest's network." + kind + "-names should be distinct names; one is "
                        + describe(name));
            }
            names.add(name.asText());
        }
        return names;
    }

    /** A 2-D array entry of the declared shape: its size is known before it is read. */
    private DMatrixRMaj array(String name, int rows, int cols, String what) throws IOException {
        long size = Math.addExact(Npy.MAX_HEADER, Math.multiplyExact(8L, Math.multiplyExact((long) rows, cols)));
        try {
            DMatrixRMaj value = Npy.read(entry(name, size), what);
            if (value.numRows != rows || value.numCols != cols) {
                throw refused(what + " is " + value.numRows + "x" + value.numCols + " but the manifest says " + rows + "x" + cols);
            }
            for (double v : value.data) {
                if (!Double.isFinite(v)) {
                    throw refused(what + " holds " + v + "; parameters are finite numbers");
                }
            }
            return value;
        } catch (Npy.FormatException e) {
            throw refused(e.getMessage());
        }
    }

    /** A 1 × n array entry of at most {@code limit} values. */
    private double[] vector(String name, long limit, String what) throws IOException {
        long size = Math.addExact(Npy.MAX_HEADER, Math.multiplyExact(8L, limit));
        try {
            DMatrixRMaj value = Npy.read(entry(name, size), what);
            if (value.numRows != 1) {
                throw refused(what + " is " + value.numRows + "x" + value.numCols + "; expected one row");
            }
            return value.data;
        } catch (Npy.FormatException e) {
            throw refused(e.getMessage());
        }
    }

    /** The entry {@code name}, refused at once when it is (or turns out) larger than {@code max} bytes. */
    private byte[] entry(String name, long max) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw refused("not a complete rnn4j model file (no " + clip(name) + ")");
        }
        long bound = Math.min(max, Integer.MAX_VALUE - 16L);
        if (entry.getSize() > bound) {
            throw refused("its " + clip(name) + " is " + entry.getSize() + " bytes; at most " + bound + " are expected");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) bound + 1);
            if (bytes.length > bound) {
                throw refused("its " + clip(name) + " holds more than the " + bound + " bytes expected");
            }
            return bytes;
        }
    }

    private JsonNode object(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw refused("the manifest's " + field + " should be an object");
        }
        return node;
    }

    private JsonNode object(JsonNode array, int index, String field) {
        JsonNode node = array.get(index);
        if (node == null || !node.isObject()) {
            throw refused("the manifest's " + field + " should be an object");
        }
        return node;
    }

    private String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw refused("the manifest's " + field + " should be a name; it is " + describe(node));
        }
        return node.asText();
    }

    private int integer(JsonNode parent, String name, String field, long min, long max) {
        JsonNode node = parent.path(name);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max
                || node.asLong() != (int) node.asLong()) {
            throw refused("the manifest's " + field + " should be " + (min == max ? String.valueOf(min)
                    : "a whole number from " + min + " to " + max) + "; it is " + describe(node));
        }
        return (int) node.asLong();
    }

    /** JSON has no NaN or infinity: Jackson writes them as strings, read back here; nothing else is a number. */
    private double number(JsonNode node, String field) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw refused("the manifest's " + field + " should be a number; it is " + describe(node));
    }

    private static ObjectNode objectOrEmpty(JsonNode node) {
        return node instanceof ObjectNode object ? object : ModelFile.newObject();
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "missing" : clip(node.toString());
    }

    /** Something a file said, quoted safely: at most 80 characters, no control characters. */
    static String clip(String text) {
        return InvalidInputException.quote(text);
    }

    private InvalidInputException refused(String reason) {
        return refused(file, reason);
    }

    private static InvalidInputException refused(Path file, String reason) {
        return new InvalidInputException(file + ": " + reason);
    }
}
