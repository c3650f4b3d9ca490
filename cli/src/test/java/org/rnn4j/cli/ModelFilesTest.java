package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingRun;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;
import org.rnn4j.core.Model;

/** Model files: round trip, the fixture of format version 1, and every kind of bad file. */
final class ModelFilesTest {

    /** Written by rnn4j 0.1.0 (format version 1): `./rnn4j train -Drnn4j.trainer.epochs=5`. Must stay readable. */
    static final String FIXTURE = "/fixtures/elman-format-1.rnn4j";

    /** Its outputs for the input bits 0 1 1 0 1 0, recorded when it was written. */
    static final double[] FIXTURE_OUTPUTS = readOutputs();

    @TempDir
    Path folder;

    private static Path fixture() {
        try {
            return Path.of(ModelFilesTest.class.getResource(FIXTURE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] readOutputs() {
        try (InputStream in = ModelFilesTest.class.getResourceAsStream("/fixtures/elman-format-1.outputs")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture outputs missing", e);
        }
    }

    static double[] outputs(Network network, double... bits) {
        StepCache cache = network.newStepCache(1);
        DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
        double[] outputs = new double[bits.length];
        for (int t = 0; t < bits.length; t++) {
            network.forward(state, new DMatrixRMaj(1, 1, true, bits[t]), cache);
            state = cache.state().copy();
            outputs[t] = cache.output().get(0, 0);
        }
        return outputs;
    }

    private Rnn4j rnn4j() {
        return Rnn4j.create(ConfigFactory.parseString("rnn4j.trainer.epochs = 5"));
    }

    @Test
    void aSavedModelLoadsBackToTheSameNetwork() {
        Rnn4j rnn4j = rnn4j();
        TrainingRun result = rnn4j.train();
        Path file = folder.resolve("model.rnn4j");
        result.model().save(file);
        Model loaded = rnn4j.load(file);
        assertArrayEquals(result.model().parameters(), loaded.network().parameters().toArray());
        double[] bits = {0, 1, 1, 0, 1, 0, 1, 1, 0};
        assertArrayEquals(outputs(result.model().network(), bits), outputs(loaded.network(), bits), 0.0);
        assertEquals("elman", loaded.topology());
        SavedModel saved = ModelFile.read(file);
        assertEquals(1L, saved.provenance().path("seed").asLong());
        assertEquals(5, saved.training().path("epochs").asInt());
        assertEquals(List.of(), listTemporaryFiles(), "nothing half-written left behind");
    }

    @Test
    void aModelTrainedOnSparkLoadsHereThoughItsConfigurationHasTheSparkKeys() {
        Rnn4j onSpark = Rnn4j.create(ConfigFactory.parseString(
                "rnn4j { trainer.epochs = 2, spark { master = \"local[2]\", partitions = 2 } }"));
        Path file = folder.resolve("from-spark.rnn4j");
        onSpark.train().model().save(file);
        Model loaded = rnn4j().load(file);
        assertEquals(2, loaded.config().getInt("rnn4j.spark.partitions"));
        assertArrayEquals(outputs(onSpark.load(file).network(), 0, 1, 1), outputs(loaded.network(), 0, 1, 1), 0.0);
    }

    @Test
    void theFormatVersion1FixtureStillLoadsAndPredictsAsItDid() {
        Model model = rnn4j().load(fixture());
        assertEquals(1, ModelFile.read(fixture()).formatVersion());
        assertArrayEquals(FIXTURE_OUTPUTS, outputs(model.network(), 0, 1, 1, 0, 1, 0), 0.0);
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture());
        Path truncated = folder.resolve("truncated.rnn4j");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(truncated, "not a complete rnn4j model file");
    }

    @Test
    void aCorruptFileIsRefused() throws IOException {
        Path corrupt = rewrite("corrupt.rnn4j", "parameters/1.npy", data -> {
            data[data.length - 3] ^= 0x40;
            return data;
        });
        assertRefused(corrupt, "do not match their SHA-256 (file corrupt)");
    }

    @Test
    void aNewerFormatVersionIsRefusedSayingSo() throws IOException {
        Path newer = rewrite("newer.rnn4j", "manifest.json",
                data -> new String(data, StandardCharsets.UTF_8).replace("\"version\" : 1,", "\"version\" : 2,")
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(newer, "model format version 2); this one reads format version 1 and older");
    }

    @Test
    void aForeignFileIsRefused() throws IOException {
        Path text = folder.resolve("notes.rnn4j");
        Files.writeString(text, "just some text\n");
        assertRefused(text, "not a complete rnn4j model file");
        Path otherZip = folder.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"format\": \"something-else\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(otherZip, "not an rnn4j model (its manifest's format is 'something-else', expected 'rnn4j-model')");
        assertRefused(folder.resolve("missing.rnn4j"), "no such model file");
    }

    @Test
    void aModelWhoseTopologyIsNotInstalledNamesIt() throws IOException {
        Path lstm = rewrite("lstm.rnn4j", "manifest.json",
                data -> new String(data, StandardCharsets.UTF_8).replace("\"topology\" : \"elman\"", "\"topology\" : \"lstm\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(lstm, "the model needs the topology 'lstm', which is not installed");
    }

    @Test
    void aModelsConfigurationIsDataItsIncludesAreRefusedAndItsErrorsNameTheFile() throws IOException {
        Path including = rewrite("including.rnn4j", "config.conf", data -> (new String(data, StandardCharsets.UTF_8)
                + "\ninclude url(\"http://127.0.0.1:9/evil.conf\")\n").getBytes(StandardCharsets.UTF_8));
        assertRefused(including, "its configuration includes url(http://127.0.0.1:9/evil.conf); a model file's"
                + " configuration may not include anything");
        Path file = rewrite("file.rnn4j", "config.conf", data -> (new String(data, StandardCharsets.UTF_8)
                + "\ninclude file(\"/etc/hostname\")\n").getBytes(StandardCharsets.UTF_8));
        assertRefused(file, "includes file(/etc/hostname)");
        Path substituting = rewrite("home.rnn4j", "config.conf", data -> (new String(data, StandardCharsets.UTF_8)
                + "\nrnn4j.topology.type = ${HOME}\n").getBytes(StandardCharsets.UTF_8));
        assertRefused(substituting, "its config.conf is not valid");

        Path typo = rewrite("typo.rnn4j", "config.conf", data -> (new String(data, StandardCharsets.UTF_8)
                + "\nrnn4j.trainer.epochz = 3\n").getBytes(StandardCharsets.UTF_8));
        Outcome eval = Outcome.run("eval", typo.toString());
        assertEquals(2, eval.status(), eval.err());
        assertTrue(eval.err().matches("rnn4j: " + java.util.regex.Pattern.quote(typo.toString())
                + ": \\d+: unknown key rnn4j.trainer.epochz; did you mean rnn4j.trainer.epochs\\?\\R"), eval.err());
        Outcome override = Outcome.run("eval", fixture().toString(), "-Drnn4j.trainer.epochz=3");
        assertTrue(override.err().startsWith("rnn4j: command line: unknown key rnn4j.trainer.epochz"), override.err());
    }

    private void assertRefused(Path file, String reason) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> rnn4j().load(file));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(reason), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), "one line: " + error.getMessage());
    }

    /** A copy of the fixture with one entry changed. */
    private Path rewrite(String name, String entry, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path target = folder.resolve(name);
        try (ZipFile source = new ZipFile(fixture().toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry original : java.util.Collections.list(source.entries())) {
                byte[] data = source.getInputStream(original).readAllBytes();
                zip.putNextEntry(new ZipEntry(original.getName()));
                zip.write(original.getName().equals(entry) ? change.apply(data) : data);
                zip.closeEntry();
            }
        }
        return target;
    }

    private List<Path> listTemporaryFiles() {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the fixture: run by hand when the format changes version (never to overwrite version 1). */
    public static void main(String[] args) throws IOException {
        Rnn4j rnn4j = Rnn4j.create(ConfigFactory.parseString("rnn4j.trainer.epochs = 5"));
        TrainingRun result = rnn4j.train();
        Path file = Path.of(args[0]);
        result.model().save(file);
        StringBuilder text = new StringBuilder();
        for (double value : outputs(result.model().network(), 0, 1, 1, 0, 1, 0)) {
            text.append(Double.toString(value)).append('\n');
        }
        Files.writeString(Path.of(args[1]), text.toString());
    }
}
