package org.rnn4j.api;

/**
 * A user's mistake — a bad configuration value, an unknown plugin name, an unreadable file —
 * as opposed to a fault in rnn4j or a plugin.
 *
 * <p>The message is meant for the person running the job as it stands: one line per problem,
 * naming the file, key or line and what was expected. Front ends show it without a stack
 * trace (the command line exits with status 2).
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
