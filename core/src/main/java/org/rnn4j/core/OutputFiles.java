package org.rnn4j.core;

import java.io.IOException;
import java.nio.file.Path;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.run.AtomicFiles;

/**
 * How rnn4j writes every file — models, checkpoints, metrics, charts: whole, to a temporary name
 * unique to the writer, then moved into place, so that no reader ever sees half a file.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Replaces {@code file} with {@code bytes} atomically.
     *
     * @throws InvalidInputException naming the file and the system's reason (no space left, a
     *         read-only folder …) when it cannot be written
     */
    public static void write(Path file, byte[] bytes) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write: " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
