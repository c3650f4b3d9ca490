package org.rnn4j.api;

import java.util.Locale;

/**
 * Checking a large allocation against the JVM's heap before making it: a topology before it
 * builds its matrices, a trainer before its caches, a data source before its sequences. The
 * refusal says how much is needed, how much the JVM may use, and what to change.
 */
public final class Memory {

    private Memory() {
    }

    /**
     * Returns when {@code bytes} fit the JVM's maximum heap, else throws.
     *
     * @param what   what needs them, for the message ("rnn4j.topology: this network's 400,040,001 parameters")
     * @param advice what to make smaller ("a smaller hidden size")
     * @throws InvalidInputException "… needs about 14.2 GB; this JVM may use 6.0 GB — raise -Xmx
     *         (RNN4J_JAVA_OPTS for the command line), or a smaller hidden size"
     */
    public static void require(long bytes, String what, String advice) {
        long available = Runtime.getRuntime().maxMemory();
        if (bytes < 0 || bytes > available) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s need%s about %s; this JVM may use %s — raise -Xmx"
                    + " (RNN4J_JAVA_OPTS for the command line), or %s", what, what.endsWith("s") ? "" : "s",
                    gigabytes(bytes), gigabytes(available), advice));
        }
    }

    /** {@code values} × 8 bytes × {@code copies}, saturating instead of overflowing. */
    public static long doubles(long values, long copies) {
        try {
            return Math.multiplyExact(Math.multiplyExact(values, 8L), copies);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String gigabytes(long bytes) {
        return bytes < 0 || bytes == Long.MAX_VALUE ? "more than any JVM" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
