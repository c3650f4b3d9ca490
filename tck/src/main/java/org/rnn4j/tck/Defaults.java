package org.rnn4j.tck;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;

/** A plugin's settings as the framework gives them: its block of the {@code reference.conf} files on the class path, under overrides. */
final class Defaults {

    private Defaults() {
    }

    /** {@code overrides} (HOCON, relative to the block) over {@code root.name} of every reference.conf (empty when absent). */
    static Config of(String root, String name, String overrides) {
        Config reference = ConfigFactory.parseResources(Defaults.class.getClassLoader(), "reference.conf")
                .resolve(ConfigResolveOptions.noSystem());
        String path = root + "." + name;
        Config defaults = reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
        return ConfigFactory.parseString(overrides).withFallback(defaults).resolve(ConfigResolveOptions.noSystem());
    }

    /** Whether some reference.conf on the class path has {@code path}. */
    static boolean has(String path) {
        return ConfigFactory.parseResources(Defaults.class.getClassLoader(), "reference.conf").hasPath(path);
    }
}
