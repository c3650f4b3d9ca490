package org.rnn4j.spark;

import org.rnn4j.api.InvalidInputException;

/** Spark wraps what a task threw in its own exception; a user's error should still read as one line. */
final class SparkFailures {

    private SparkFailures() {
    }

    /** The {@link InvalidInputException} behind {@code failure}, or {@code failure} itself. */
    static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return new InvalidInputException(invalid.getMessage(), failure);
            }
        }
        return failure;
    }
}
