package org.rnn4j.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.config.ConfigLoader;
import org.rnn4j.api.training.EpochRecord;

/**
 * The folder a run writes its results to, one per run under {@code rnn4j.output.dir}:
 * {@code effective.conf} (everything the run was configured with), {@code metrics.csv} (one row
 * per epoch), {@code checkpoint.rnn4j} (the latest checkpoint) and {@code model.rnn4j} (the trained
 * model). Every file is written to a temporary name and moved into place, so a reader never sees
 * half a file.
 */
public final class RunFolder implements AutoCloseable {

    /** The lock file that makes a run folder one run's at a time. */
    public static final String LOCK = ".lock";

    /** The trained model's file name in a run folder. */
    public static final String MODEL = "model.rnn4j";

    /** The latest checkpoint's file name in a run folder. */
    public static final String CHECKPOINT = "checkpoint.rnn4j";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunFolder(Path path) {
        this.path = path;
        try {
            lockChannel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot write in the run folder: " + e.getMessage(), e);
        }
        FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            closeQuietly(lockChannel);
            throw new InvalidInputException(path + ": in use by another rnn4j run (it holds " + path.resolve(LOCK)
                    + "); wait for it to end");
        }
        lock = held;
    }

    /** Releases the folder for the next run (the lock file stays: deleting it would race with a waiting run). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /**
     * Makes a new run folder under {@code parent}, named after the time and topology, and holds it
     * until {@link #close()}: a second writer is refused.
     */
    public static RunFolder create(Path parent, String label) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        try {
            Files.createDirectories(parent);
            for (int attempt = 0; ; attempt++) {
                Path candidate = parent.resolve(stamp + "-" + label + (attempt == 0 ? "" : "-" + attempt));
                try {
                    return new RunFolder(Files.createDirectory(candidate));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("rnn4j.output.dir: cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * An existing run folder, to resume the run in it, held until {@link #close()}.
     *
     * @throws InvalidInputException when another run holds it
     */
    public static RunFolder open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": no such run folder");
        }
        if (!Files.isRegularFile(folder.resolve(CHECKPOINT))) {
            throw new InvalidInputException(folder + ": has no " + CHECKPOINT + " to resume from (the run wrote none yet,"
                    + " or rnn4j.trainer.checkpoint-every is 0)");
        }
        return new RunFolder(folder);
    }

    /**
     * Removes the folder if the run wrote nothing but its configuration (it failed before its
     * first checkpoint), so that a failed start leaves nothing behind. Call it whatever the
     * failure was.
     */
    public void deleteIfUnused() {
        try (var files = Files.list(path)) {
            List<Path> all = files.toList();
            if (all.stream().allMatch(p -> p.getFileName().toString().equals("effective.conf")
                    || p.getFileName().toString().equals(LOCK))) {
                close();
                for (Path file : all) {
                    Files.delete(file);
                }
                Files.delete(path);
            }
        } catch (IOException e) {
            // leaving an empty run folder is harmless; the run's own error is what matters
        }
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** Where the trained model goes. */
    public Path model() {
        return path.resolve(MODEL);
    }

    /** Where the latest checkpoint goes. */
    public Path checkpoint() {
        return path.resolve(CHECKPOINT);
    }

    /** Writes {@code effective.conf}: done first, so that even a run killed at once says what it was. */
    public void writeConfig(com.typesafe.config.Config effective) {
        writeAtomically("effective.conf", ConfigLoader.render(effective));
    }

    /**
     * Writes {@code effective.conf} and {@code metrics.csv} for a finished run: per epoch the
     * training loss, the validation loss and the task's metrics on the validation sequences
     * (empty cells when there are none).
     */
    public void write(TrainingRun result, com.typesafe.config.Config effective) {
        writeConfig(effective);
        List<String> metricNames = result.history().isEmpty() ? List.of()
                : List.copyOf(result.history().get(0).metrics().keySet());
        StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss");
        // What the run's final figures were taken on: held-out sequences, or the last steps of series (by time).
        String heldOut = "\"" + result.evaluation().dataName().replace("\"", "'") + "\"";
        for (String name : metricNames) {
            csv.append(',').append(name);
        }
        csv.append(",held_out\n");
        for (EpochRecord record : result.history()) {
            csv.append(record.epoch()).append(',').append(record.trainLoss()).append(',').append(cell(record.validationLoss()));
            for (String name : metricNames) {
                csv.append(',').append(cell(record.metrics().getOrDefault(name, Double.NaN)));
            }
            csv.append(',').append(heldOut).append('\n');
        }
        writeAtomically("metrics.csv", csv.toString());
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** Writes {@code name} in the folder atomically (a chart, say). */
    public void write(String name, byte[] content) {
        OutputFiles.write(path.resolve(name), content);
    }

    private void writeAtomically(String name, String content) {
        OutputFiles.write(path.resolve(name), content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
