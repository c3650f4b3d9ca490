package org.rnn4j.api;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Typed, range-checked reading of a plugin's settings, so that every bad value is refused with
 * one line naming the file and line, the full key, and what was expected:
 *
 * <pre>    run.conf:4: rnn4j.trainer.epochs: expected an integer ≥ 1, got 2.5</pre>
 *
 * <p>Read every setting when the plugin starts, not midway through a run.
 */
public final class Settings {

    private final Config config;
    private final String path;

    /**
     * @param config the plugin's effective settings
     * @param path   where they live in a run file ({@code rnn4j.topology}), for messages
     */
    public Settings(Config config, String path) {
        this.config = requireNonNull(config, "config is null");
        this.path = requireNonNull(path, "path is null");
    }

    /** The settings being read. */
    public Config config() {
        return config;
    }

    /** An integer in [min, max]. */
    public int integer(String key, int min, int max) {
        double value = read(key, () -> config.getDouble(key));
        if (value != Math.rint(value) || !(value >= min && value <= max)) {
            throw invalid(key, "expected an integer" + range(min, max) + ", got " + format(value));
        }
        return (int) value;
    }

    /** A number in [min, max]; either bound may be infinite. */
    public double number(String key, double min, double max) {
        double value = read(key, () -> config.getDouble(key));
        if (!(value >= min && value <= max)) {
            throw invalid(key, "expected a number" + range(min, max) + ", got " + format(value));
        }
        return value;
    }

    /** true or false. */
    public boolean flag(String key) {
        return read(key, () -> config.getBoolean(key));
    }

    /** A string. */
    public String string(String key) {
        return read(key, () -> config.getString(key));
    }

    /** A string that must be one of {@code allowed}. */
    public String oneOf(String key, String... allowed) {
        String value = string(key);
        if (!Arrays.asList(allowed).contains(value)) {
            throw invalid(key, "expected one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    /** A non-empty list of integers, each at least {@code min}. */
    public List<Integer> integers(String key, int min) {
        List<Number> values = read(key, () -> config.getNumberList(key));
        boolean valid = !values.isEmpty();
        for (Number value : values) {
            valid &= value.doubleValue() == Math.rint(value.doubleValue()) && value.doubleValue() >= min;
        }
        if (!valid) {
            throw invalid(key, "expected a non-empty list of integers ≥ " + min + " like [8] or [16, 8], got " + values);
        }
        return values.stream().map(Number::intValue).toList();
    }

    /** A user's error about {@code key}, naming the file and line it was set on when known. */
    public InvalidInputException invalid(String key, String problem) {
        String where = "";
        if (config.hasPathOrNull(key)) {
            ConfigOrigin origin = config.getValue(key).origin();
            if (origin.filename() != null) {
                where = origin.filename() + ":" + origin.lineNumber() + ": ";
            } else if (origin.description().startsWith("command line")) { // ConfigLoader's -D overrides
                where = "command line: ";
            }
        }
        return new InvalidInputException(where + path + "." + key + ": " + problem);
    }

    private <T> T read(String key, Supplier<T> getter) {
        try {
            return getter.get();
        } catch (ConfigException.Missing e) {
            throw invalid(key, "missing value");
        } catch (ConfigException e) {
            throw invalid(key, "wrong type: " + e.getMessage().replaceFirst("^.*?: \\d+: ", ""));
        }
    }

    private static String range(double min, double max) {
        boolean low = min > -Double.MAX_VALUE && min != Integer.MIN_VALUE;
        boolean high = max < Double.MAX_VALUE && max != Integer.MAX_VALUE;
        if (low && high) {
            return " in [" + format(min) + ", " + format(max) + "]";
        }
        if (low) {
            return min == Double.MIN_VALUE ? " > 0" : " ≥ " + format(min);
        }
        return high ? " ≤ " + format(max) : "";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
