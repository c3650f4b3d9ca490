package org.rnn4j.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.core.engine.TrainingResult;

/**
 * The folder a run writes its results to, one per run under {@code rnn4j.output.dir}:
 * {@code effective.conf} (everything the run was configured with) and {@code metrics.csv} (one
 * row per epoch). Every file is written to a temporary name and moved into place, so a reader
 * never sees half a file.
 */
public final class RunDirectory {

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Makes a new, empty run folder under {@code parent}, named after the time and topology. */
    public static RunDirectory create(Path parent, String label) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        try {
            Files.createDirectories(parent);
            for (int attempt = 0; ; attempt++) {
                Path candidate = parent.resolve(stamp + "-" + label + (attempt == 0 ? "" : "-" + attempt));
                try {
                    return new RunDirectory(Files.createDirectory(candidate));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("rnn4j.output.dir: cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** Writes {@code effective.conf} and {@code metrics.csv} for a finished run. */
    public void write(TrainingResult result, com.typesafe.config.Config effective) {
        writeAtomically("effective.conf", ConfigLoader.render(effective));
        StringBuilder csv = new StringBuilder("epoch,train_loss\n");
        List<Double> losses = result.trainLoss();
        for (int i = 0; i < losses.size(); i++) {
            csv.append(i + 1).append(',').append(losses.get(i)).append('\n');
        }
        writeAtomically("metrics.csv", csv.toString());
    }

    private void writeAtomically(String name, String content) {
        try {
            AtomicFiles.write(path.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.resolve(name), e);
        }
    }
}
