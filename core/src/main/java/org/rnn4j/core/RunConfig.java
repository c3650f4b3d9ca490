package org.rnn4j.core;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.config.ConfigLoader;

/** Run configurations as the command line and hosts read them, before an {@link Rnn4j} checks them. */
public final class RunConfig {

    private RunConfig() {
    }

    /**
     * {@code overrides} over the HOCON run file {@code file} (which may be null). An override's
     * value is a number or a boolean when it reads as one, HOCON when it starts with {@code [},
     * <code>{</code> or {@code "}, and otherwise the string as typed.
     *
     * @throws InvalidInputException when the file is missing, unreadable or not valid HOCON
     */
    public static Config read(Path file, Map<String, String> overrides) {
        return ConfigLoader.run(file, overrides);
    }

    /** The merged, resolved {@code reference.conf} of every jar {@code loader} sees: every default. */
    public static Config defaults(ClassLoader loader) {
        return ConfigLoader.reference(loader);
    }

    /**
     * {@code run} with {@code folders} added to its {@code rnn4j.plugin-path}, every entry made
     * absolute (a run file's relative ones against that file), to pass on to other machines.
     */
    public static Config withPluginFolders(Config run, java.util.List<Path> folders) {
        return ConfigLoader.withPluginFolders(run, folders);
    }

    /** {@code run} over the defaults {@code loader} sees, with substitutions resolved (not checked). */
    public static Config effective(Config run, ClassLoader loader) {
        return ConfigLoader.effective(run, loader);
    }
}
