package org.rnn4j.api;

/**
 * What every service rnn4j discovers with {@link java.util.ServiceLoader} has in common: a
 * name by which run files choose it.
 *
 * <p>Names are lower-case words joined by hyphens ({@code elman}, {@code cross-entropy});
 * the framework refuses any other name and any name given twice.
 */
public interface Plugin {

    /** The name a run file uses to choose this plugin, lower-case and hyphenated. */
    String name();

    /** One line saying what this plugin is, shown by {@code rnn4j list}. */
    default String description() {
        return "";
    }
}
