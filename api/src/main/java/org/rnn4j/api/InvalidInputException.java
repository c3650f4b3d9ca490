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

    /**
     * Untrusted text (a data cell, a file's field) made safe to quote in a message: at most 80
     * characters, and no line break or other control character, so that the message stays one line.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), 80));
        for (int i = 0; i < text.length() && quoted.length() < 80; i++) {
            char c = text.charAt(i);
            boolean breaks = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            quoted.append(breaks ? '?' : c);
        }
        return text.length() <= 80 ? quoted.toString() : quoted.substring(0, 77) + "...";
    }
}
