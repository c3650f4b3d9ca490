package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.Model;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.Table;
import org.rnn4j.core.TrainingOptions;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;

/**
 * Seeded mutations of real inputs — a model file, a checkpoint, CSV data, stream lines. Each
 * mutated input is either read as it was (the same parameters) or refused with a one-line
 * {@link InvalidInputException} naming the file; anything else fails the test with the seed that
 * made it, so that it can be replayed.
 */
final class FuzzTest {

    private static final int MODEL_CASES = 3000;
    private static final int CSV_CASES = 2000;
    private static final int LINE_CASES = 5000;

    @TempDir
    static Path folder;

    private static Rnn4j rnn4j;
    private static Map<String, byte[]> model;
    private static Map<String, byte[]> checkpoint;
    private static double[] parameters;

    @BeforeAll
    static void trainAModelAndACheckpoint() throws IOException {
        rnn4j = Rnn4j.create(ConfigFactory.parseString(
                "rnn4j { data { sequences = 40, normalize = standard, validation-fraction = 0.2 }, topology { hidden = [3],"
                        + " output-activation = identity },"
                        + " trainer { epochs = 3, checkpoint-every = 1, early-stopping.patience = 5 } }"));
        Path checkpointFile = folder.resolve("original.checkpoint");
        Model trained = rnn4j.train(TrainingOptions.defaults().checkpointTo(checkpointFile)).model();
        Path modelFile = folder.resolve("original.rnn4j");
        trained.save(modelFile);
        parameters = trained.parameters();
        model = entries(Files.readAllBytes(modelFile));
        checkpoint = entries(Files.readAllBytes(checkpointFile));
        assertTrue(new String(checkpoint.get("manifest.json"), StandardCharsets.UTF_8).contains("best-parameters"));
    }

    @Test
    void mutatedModelFilesLoadAsTheyWereOrAreRefusedInOneLine() throws IOException {
        int refused = 0;
        long start = System.nanoTime();
        for (int seed = 0; seed < MODEL_CASES; seed++) {
            Path file = folder.resolve("model-" + seed + ".rnn4j");
            Files.write(file, mutate(model, new SplittableRandom(seed)));
            try {
                Model loaded = rnn4j.load(file);
                assertArrayEquals(parameters, loaded.parameters(), "seed " + seed + " loaded other parameters");
                loaded.predict(new double[][] {{1}, {0}});
            } catch (InvalidInputException e) {
                assertRefusal(e, file, seed);
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("model seed " + seed + ": " + e, e);
            } finally {
                Files.delete(file);
            }
        }
        assertTrue(refused > MODEL_CASES / 2, "most mutations break a file: " + refused + " refused");
        figure("model files", MODEL_CASES + " cases, " + refused + " refused, " + (MODEL_CASES - refused)
                + " loaded with the same parameters, in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void mutatedCheckpointsReadAsTheyWereOrAreRefusedInOneLine() throws IOException {
        double[] original = null;
        int refused = 0;
        long start = System.nanoTime();
        for (int seed = 0; seed < MODEL_CASES; seed++) {
            Path file = folder.resolve("checkpoint-" + seed + ".rnn4j");
            Files.write(file, mutate(checkpoint, new SplittableRandom(1_000_000 + seed)));
            try {
                SavedModel read = ModelFile.read(file);
                double[] values = read.checkpoint() == null ? null : read.checkpoint().parameters();
                if (values != null) {
                    if (original == null) {
                        original = ModelFile.read(write(checkpoint, "clean.rnn4j")).checkpoint().parameters();
                    }
                    assertArrayEquals(original, values, "seed " + seed);
                }
                Rnn4j.inspect(file);
            } catch (InvalidInputException e) {
                assertRefusal(e, file, seed);
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("checkpoint seed " + seed + ": " + e, e);
            } finally {
                Files.delete(file);
            }
        }
        figure("checkpoints", MODEL_CASES + " cases, " + refused + " refused, in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void anOversizedEntryIsRefusedWithoutBeingReadWhole() throws IOException {
        Map<String, byte[]> bomb = new LinkedHashMap<>(model);
        bomb.put("parameters/0.npy", new byte[256 << 20]);  // 256 MB of zeros: a few hundred KB compressed
        Path file = write(bomb, "bomb.rnn4j");
        assertTrue(Files.size(file) < 2 << 20, "the file itself is small: " + Files.size(file));
        long before = usedMemory();
        InvalidInputException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> rnn4j.load(file));
        // Refused on the size the zip declares, or (a zip whose directory lies) after reading one byte past the bound.
        assertTrue(error.getMessage().contains("parameters/0.npy is 268435456 bytes; at most 65569 are expected")
                || error.getMessage().contains("holds more than the"), error.getMessage());
        assertTrue(usedMemory() - before < 64 << 20, "read at most its bound, not 256 MB");
    }

    @Test
    void mutatedCsvFilesAreReadOrRefusedInOneLine() throws IOException {
        int refused = 0;
        long start = System.nanoTime();
        String csv = "time,x,y\n1,0.5,1\n2,-1.25,0\n3,3e-2,1\n4,7,0\n";
        for (int seed = 0; seed < CSV_CASES; seed++) {
            SplittableRandom random = new SplittableRandom(2_000_000 + seed);
            Path file = folder.resolve("data-" + seed + ".csv");
            Files.writeString(file, mutateText(csv, random));
            try {
                Table table = Table.readCsv(file);
                for (double[] row : table.rows()) {
                    for (double value : row) {
                        assertTrue(Double.isFinite(value), "seed " + seed);
                    }
                }
                if (seed % 10 == 0) {   // the csv data source too, on a tenth of them (each makes an Rnn4j)
                    Rnn4j.create(ConfigFactory.parseString("rnn4j.data { type = csv, files = [\"" + file + "\"], inputs = [x],"
                            + " targets = [y] }")).data();
                }
            } catch (InvalidInputException e) {
                assertRefusal(e, file, seed);
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("csv seed " + seed + ": " + e, e);
            } finally {
                Files.delete(file);
            }
        }
        figure("csv files", CSV_CASES + " cases, " + refused + " refused, in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void mutatedStreamLinesAreReadOrRefusedInOneLine() throws IOException {
        int refused = 0;
        String line = "0.5, -1.25 ,3e-2";
        for (int seed = 0; seed < LINE_CASES; seed++) {
            SplittableRandom random = new SplittableRandom(3_000_000 + seed);
            String text = mutateText(line, random);
            Table.Lines lines = Table.lines(new StringReader(text), "stdin", 64);
            try {
                for (String next = lines.next(); next != null; next = lines.next()) {
                    for (String cell : next.strip().split("[,\\s]+")) {
                        assertTrue(Double.isFinite(Table.number(cell, "stdin:" + lines.number() + ": value")));
                    }
                }
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith("stdin:"), "seed " + seed + ": " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), "seed " + seed + ": " + e.getMessage());
                assertTrue(e.getMessage().length() < 200, "quotes at most 80 characters: " + e.getMessage());
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("line seed " + seed + ": " + e, e);
            }
        }
        figure("stream lines", LINE_CASES + " cases, " + refused + " refused");
    }

    /** Records what a run of the fuzz test saw, in target/fuzz-figures.txt (docs/measure.sh prints it). */
    private static void figure(String what, String figures) throws IOException {
        Files.writeString(Path.of("target", "fuzz-figures.txt"), what + ": " + figures + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void assertRefusal(InvalidInputException e, Path file, int seed) {
        assertTrue(e.getMessage().startsWith(file.toString()), "seed " + seed + " names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "seed " + seed + " in one line: " + e.getMessage());
    }

    // ---- mutations ----

    private static final String[] VALUES = {"-1", "0", "1", "2147483648", "9007199254740993", "1e308", "-1e308", "\"abc\"",
        "null", "[]", "{}", "true", "\"NaN\"", "\"Infinity\"", "1.5", "[1, 2, 3]", "[\"a\"]", "{\"a\": 1}", "\"\"",
        "99999999999999999999999999", "-0.0"};

    private static final String[] CONFIG_LINES = {"include url(\"http://127.0.0.1:9/x.conf\")", "include file(\"/etc/hosts\")",
        "rnn4j.topology.hidden = [20000]", "rnn4j.topology.hidden = [-3]", "rnn4j.topology.type = ${HOME}",
        "rnn4j.topology.type = gru", "{{{", "rnn4j.trainer.epochs = -3", "rnn4j.topology.activation = nope",
        "rnn4j.plugin-path = 7", "rnn4j.seed = 1.5", "rnn4j { topology = 3 }", "rnn4j.data.normalize = maybe"};

    /** One of: truncation, flipped bytes, a replaced or removed entry, an edited manifest field, config line or array header. */
    private static byte[] mutate(Map<String, byte[]> original, SplittableRandom random) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        List<String> names = new ArrayList<>(entries.keySet());
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] zip = zip(entries);
                return java.util.Arrays.copyOf(zip, random.nextInt(zip.length));
            }
            case 1 -> {
                byte[] zip = zip(entries);
                for (int i = random.nextInt(1, 4); i > 0; i--) {
                    zip[random.nextInt(zip.length)] ^= (byte) random.nextInt(1, 256);
                }
                return zip;
            }
            case 2 -> {
                byte[] junk = new byte[random.nextInt(0, 2000)];
                random.nextBytes(junk);
                entries.put(names.get(random.nextInt(names.size())), junk);
            }
            case 3 -> entries.remove(names.get(random.nextInt(names.size())));
            case 4, 5 -> entries.put("manifest.json", editJson(entries.get("manifest.json"), random));
            case 6 -> entries.put("config.conf", (new String(entries.get("config.conf"), StandardCharsets.UTF_8) + "\n"
                    + CONFIG_LINES[random.nextInt(CONFIG_LINES.length)] + "\n").getBytes(StandardCharsets.UTF_8));
            default -> {
                List<String> arrays = names.stream().filter(n -> n.endsWith(".npy")).toList();
                String name = arrays.get(random.nextInt(arrays.size()));
                String header = new String(entries.get(name), StandardCharsets.ISO_8859_1);
                String edited = header.replaceFirst("\\(\\d+, \\d+\\)", "(" + random.nextLong(0, 1L << 40) + ", "
                        + random.nextInt(0, 100) + ")");
                entries.put(name, edited.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return zip(entries);
    }

    /** The manifest with one value somewhere in it replaced by a value of another kind, or removed. */
    private static byte[] editJson(byte[] manifest, SplittableRandom random) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        java.util.regex.Matcher values = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null)")
                .matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String replacement = VALUES[random.nextInt(VALUES.length)];
        return (text.substring(0, span[0]) + replacement + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] TOKENS = {",", "\n", "\"", "x", "1e999", "NaN", "\uFEFF", " ", "-", ".", "1d", "0x1p1",
        "\r", "#", "9", "e", "inf", "+", "\t", "\u0000", "é"};

    private static String mutateText(String text, SplittableRandom random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            int at = random.nextInt(mutated.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> mutated.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (at < mutated.length()) {
                        mutated.deleteCharAt(at);
                    }
                }
                default -> mutated.insert(at, "7".repeat(random.nextInt(1, 200)));
            }
        }
        return mutated.toString();
    }

    /**
     * A file's entries, with what its manifest says of when and by which build it was written fixed,
     * so that every run — from jars or from classes — mutates the same bytes.
     */
    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        entries.put("manifest.json", manifest.replaceFirst("\"created\" : \"[^\"]*\"", "\"created\" : \"2026-01-01T00:00:00Z\"")
                .replaceAll("\"(rnn4j|version|java)\" : \"[^\"]*\"", "\"$1\" : \"fixed\"").getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(0);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Path write(Map<String, byte[]> entries, String name) throws IOException {
        return Files.write(folder.resolve(name), zip(entries));
    }

    private static long usedMemory() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
