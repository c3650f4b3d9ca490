package org.rnn4j.api;

/**
 * A fault in a plugin's own code — a topology's {@code build}, a trainer's epoch, a data source's
 * {@code load} threw something other than {@link InvalidInputException}. The message names the
 * plugin and the jar it came from ("the topology 'gru' (my-plugin-1.0.jar) failed: …"); the cause
 * is what the plugin threw. Front ends show it with the cause's stack trace, for the plugin's
 * author, and do not blame rnn4j.
 */
public class PluginException extends RuntimeException {

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
