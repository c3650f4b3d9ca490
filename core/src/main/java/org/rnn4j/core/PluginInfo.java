package org.rnn4j.core;

/**
 * One plugin an rnn4j has, as {@code rnn4j list} shows it.
 *
 * @param kind        "topologies", "trainers", "optimizers", "activations", "losses" or "data sets"
 * @param name        the name a run file chooses it by
 * @param description one line saying what it is
 * @param source      the jar or folder it came from
 */
public record PluginInfo(String kind, String name, String description, String source) {
}
