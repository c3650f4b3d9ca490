package org.rnn4j.api;

/**
 * What every service rnn4j discovers with {@link java.util.ServiceLoader} has in common: a
 * name by which run files choose it.
 *
 * <p>Names are lower-case words joined by hyphens ({@code elman}, {@code cross-entropy});
 * the framework refuses any other name and any name given twice.
 */
public interface Plugin {

    /**
     * The version of this api. A plugin jar declares the version it was built against in its
     * manifest, as {@code Rnn4j-Api-Version: 1}; rnn4j refuses a jar from a plugin folder that
     * declares another, or none.
     */
    int API_VERSION = 1;

    /** The manifest attribute holding the api version a plugin jar was built against. */
    String API_VERSION_ATTRIBUTE = "Rnn4j-Api-Version";

    /** The name a run file uses to choose this plugin, lower-case and hyphenated. */
    String name();

    /** One line saying what this plugin is, shown by {@code rnn4j list}. */
    default String description() {
        return "";
    }

    /**
     * The keys of this plugin's own settings whose values name other plugins, with the interface
     * each names — {@code Map.of("activation", Activation.class, "output-activation",
     * Activation.class)} for a topology. rnn4j checks those names before a run starts (an
     * unknown one is refused naming the file, line and the plugins there are); it infers nothing
     * from a key's name.
     */
    default java.util.Map<String, Class<? extends Plugin>> pluginSettings() {
        return java.util.Map.of();
    }
}
