package org.rnn4j.cli;

import java.util.Map;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.api.SessionFactory;

/**
 * What a front end built on the {@code rnn4j} command line changes in it: how {@code train} runs
 * its epochs and which commands it adds. The {@code spark} module's jar is the whole command line
 * with data-parallel {@code train} and a {@code sweep} command. Closed when the command ends.
 */
public interface Extension extends AutoCloseable {

    /** The plain command line: epochs run in this JVM, no extra commands. */
    Extension NONE = new Extension() {
    };

    /** How {@code train} runs the epochs of {@code rnn4j}'s run. */
    default SessionFactory sessions(Rnn4j rnn4j) {
        return SessionFactory.LOCAL;
    }

    /** Extra commands by name: picocli command objects. */
    default Map<String, Object> commands() {
        return Map.of();
    }

    /** Releases what the commands used (a Spark session, say). */
    @Override
    default void close() {
    }
}
