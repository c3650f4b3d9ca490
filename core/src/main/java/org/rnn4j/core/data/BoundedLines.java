package org.rnn4j.core.data;

import java.io.IOException;
import java.io.Reader;
import org.rnn4j.api.InvalidInputException;

/**
 * Lines of text read with a bound on their length: a line longer than {@code maxChars} is
 * refused as soon as the bound is passed, so that input without line breaks cannot exhaust
 * memory. A UTF-8 byte-order mark before the first line is dropped; "\r\n" ends a line as "\n" does.
 */
public final class BoundedLines {

    private final Reader in;
    private final String name;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private int number;
    private boolean first = true;

    /** Lines of {@code in}, called {@code name} in messages, of at most {@code maxChars} characters. */
    public BoundedLines(Reader in, String name, int maxChars) {
        this.in = in;
        this.name = name;
        this.maxChars = maxChars;
    }

    /**
     * The next line, without its end, or null at the end of the input.
     *
     * @throws InvalidInputException naming the line when it is longer than the bound
     */
    public String next() throws IOException {
        line.setLength(0);
        int c = in.read();
        if (c < 0) {
            return null;
        }
        number++;
        if (first && c == '\uFEFF') {
            c = in.read();
        }
        first = false;
        while (c >= 0 && c != '\n') {
            if (line.length() == maxChars) {
                throw new InvalidInputException(name + ":" + number + ": a line longer than " + maxChars + " characters");
            }
            line.append((char) c);
            c = in.read();
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    /** The number of the line last read, from 1. */
    public int number() {
        return number;
    }
}
