package org.rnn4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rnn4j.api.InvalidInputException;

/**
 * Reads configuration in the standard layering: {@code -D} overrides over the run file over the
 * {@code reference.conf} of every module and plugin (all under the {@code rnn4j} root).
 */
public final class ConfigLoader {

    /** The origin of {@code -D} overrides in messages. */
    private static final String COMMAND_LINE = "command line";

    private ConfigLoader() {
    }

    /**
     * The run's own settings: {@code overrides} over the run file (which may be null).
     *
     * <p>An override's value is a number or a boolean when it reads as one ({@code 0.01},
     * {@code true}), HOCON when it starts with {@code [}, <code>{</code> or {@code "} (so
     * {@code -Drnn4j.topology.hidden=[16,8]} gives a list), and otherwise the string as typed
     * ({@code elman}, {@code /tmp//runs}).
     *
     * @throws InvalidInputException when the file is missing, unreadable or not valid HOCON
     */
    public static Config run(Path file, Map<String, String> overrides) {
        Config config = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": no such run file");
            }
            try {
                config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new InvalidInputException(message(e), e);
            }
        }
        Config fromCommandLine = ConfigFactory.empty();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            fromCommandLine = override(override.getKey(), override.getValue()).withFallback(fromCommandLine);
        }
        return fromCommandLine.withFallback(config);
    }

    private static Config override(String key, String value) {
        String origin = COMMAND_LINE;
        try {
            String trimmed = value.strip();
            ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription(origin);
            if (trimmed.startsWith("[") || trimmed.startsWith("{") || trimmed.startsWith("\"")) {
                return ConfigFactory.parseString(key + " = " + trimmed, options);
            }
            if (trimmed.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?|true|false")) {
                Config typed = ConfigFactory.parseString("value = " + trimmed, options);
                return ConfigFactory.empty(origin).withValue(key, typed.getValue("value"));
            }
            return ConfigFactory.empty(origin).withValue(key, ConfigValueFactory.fromAnyRef(value, origin));
        } catch (ConfigException e) {
            throw new InvalidInputException(origin + ": cannot read '-D" + key + "=" + value + "': " + message(e), e);
        }
    }

    /** The merged {@code reference.conf} of every jar {@code loader} sees. */
    public static Config reference(ClassLoader loader) {
        try {
            return ConfigFactory.defaultReference(loader);
        } catch (ConfigException e) {
            throw new InvalidInputException("a reference.conf on the class path is invalid: " + message(e), e);
        }
    }

    /** {@code run} over the defaults {@code loader} sees, with substitutions resolved. */
    public static Config effective(Config run, ClassLoader loader) {
        try {
            return run.withFallback(reference(loader)).resolve();
        } catch (ConfigException e) {
            throw new InvalidInputException(message(e), e);
        }
    }

    /** The {@code rnn4j} part of a configuration as HOCON, with the defaults' comments. */
    public static String render(Config effective) {
        return effective.withOnlyPath("rnn4j").root().render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(true).setJson(false).setFormatted(true));
    }

    /** "file:line" (or the origin's description) for a message. */
    public static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "configuration";
        }
        if (origin.filename() != null) {
            return origin.filename() + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "");
        }
        if (origin.resource() != null) {
            return origin.resource() + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "");
        }
        return origin.description().startsWith(COMMAND_LINE) ? COMMAND_LINE : origin.description();
    }

    private static String message(ConfigException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
