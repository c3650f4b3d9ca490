package org.rnn4j.core.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where a plugin class was loaded from: the jar file or class folder, for messages and {@code rnn4j list}. */
public final class PluginSource {

    private PluginSource() {
    }

    /** The jar or folder {@code type} came from, or a phrase when that is unknown. */
    public static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "built in";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    /** A plugin jar's path from its URL. */
    static String of(java.net.URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    /** The file name of {@link #of}, short enough for a one-line message. */
    public static String shortOf(Class<?> type) {
        String full = of(type);
        int slash = full.lastIndexOf('/');
        return slash >= 0 && slash < full.length() - 1 ? full.substring(slash + 1) : full;
    }
}
