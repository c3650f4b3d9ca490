package org.rnn4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.api.InvalidInputException;

/**
 * Reads configuration in the standard layering: {@code -D} overrides over the run file over the
 * {@code reference.conf} of every module and plugin (all under the {@code rnn4j} root). Nothing
 * else: unlike {@code ConfigFactory.load()}, JVM system properties are never a layer — a host's
 * {@code -Drnn4j.…} is not read; the command line passes its {@code -D} options as overrides.
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

    /** The data type a run on data given in memory records: no data source plugin stands behind it. */
    public static final String IN_MEMORY = "in-memory";

    /**
     * A stored configuration (a model's, a checkpoint's) without what would make rnn4j run code
     * or read files it names: its plugin folders. Its data type {@value #IN_MEMORY} stays, and is
     * accepted by the configuration check.
     */
    public static Config withoutCode(Config stored) {
        return stored.withoutPath(PLUGIN_PATH);
    }

    /** The key listing plugin folders. */
    public static final String PLUGIN_PATH = "rnn4j.plugin-path";

    /**
     * {@code run} with {@code folders} added to its {@code rnn4j.plugin-path}, every entry made
     * absolute — a run file's relative ones against the file that names them — so that the list
     * means the same wherever it goes next (a model file, a Spark executor).
     */
    public static Config withPluginFolders(Config run, List<Path> folders) {
        List<String> all = new ArrayList<>();
        if (run.hasPath(PLUGIN_PATH)) {
            List<String> names;
            try {
                names = run.getStringList(PLUGIN_PATH);
            } catch (ConfigException e) {
                throw new InvalidInputException(where(run.getValue(PLUGIN_PATH).origin()) + ": " + PLUGIN_PATH
                        + ": expected a list of folders like [\"plugins\"]", e);
            }
            String origin = run.getValue(PLUGIN_PATH).origin().filename();
            Path base = origin == null ? null : Path.of(origin).toAbsolutePath().getParent();
            for (String name : names) {
                Path folder = Path.of(name);
                all.add((folder.isAbsolute() || base == null ? folder : base.resolve(folder)).toAbsolutePath().normalize()
                        .toString());
            }
        }
        for (Path folder : folders) {
            String absolute = folder.toAbsolutePath().normalize().toString();
            if (!all.contains(absolute)) {
                all.add(absolute);
            }
        }
        if (all.isEmpty()) {
            return run;
        }
        return run.withValue(PLUGIN_PATH, ConfigValueFactory.fromIterable(all, "plugin folders"));
    }

    /**
     * The merged {@code reference.conf} of every jar {@code loader} sees, resolved on its own (as
     * Typesafe Config's {@code defaultReference} does, but without its system-property layer).
     */
    public static Config reference(ClassLoader loader) {
        try {
            return ConfigFactory.parseResources(loader, "reference.conf").resolve(ConfigResolveOptions.noSystem());
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

    /**
     * A configuration stored in a model or checkpoint file ({@code origin} names the file in
     * messages). A model file is data, not a program: an {@code include} is refused, and
     * substitutions are never resolved from the environment.
     *
     * @throws InvalidInputException naming {@code origin}, for invalid HOCON or an include
     */
    public static Config stored(String text, String origin) {
        ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription(origin)
                .setSyntax(ConfigSyntax.CONF).setAllowMissing(false)
                .setIncluder(new RefusingIncluder(origin));
        try {
            return ConfigFactory.parseString(text, options).resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            // The message may quote the file's bytes: keep it one line and short.
            String reason = message(e).replace(origin + ": ", "");
            throw new InvalidInputException(origin + ": its config.conf is not valid: " + InvalidInputException.quote(reason), e);
        }
    }

    /**
     * Refuses every {@code include} of a stored configuration: the plain form and the
     * {@code file(…)}, {@code url(…)} and {@code classpath(…)} forms (an includer that lacks one of
     * those interfaces would let Typesafe Config's default handle that form).
     */
    private record RefusingIncluder(String origin) implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL,
            ConfigIncluderClasspath {
        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw refused(what);
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, java.io.File what) {
            throw refused("file(" + what + ")");
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL what) {
            throw refused("url(" + what + ")");
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw refused("classpath(" + what + ")");
        }

        private InvalidInputException refused(String what) {
            return new InvalidInputException(origin + ": its configuration includes " + what
                    + "; a model file's configuration may not include anything");
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
        String description = origin.description();
        if (description.startsWith("merge of ")) {
            // A value made of several layers: name the first (the run's own), not the whole list.
            String first = description.substring("merge of ".length()).split(",")[0].strip().replaceFirst(": \\d+$", "");
            return first.startsWith(COMMAND_LINE) ? COMMAND_LINE : first.contains("reference.conf") ? "defaults" : first;
        }
        return description.startsWith(COMMAND_LINE) ? COMMAND_LINE : description;
    }

    private static String message(ConfigException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
