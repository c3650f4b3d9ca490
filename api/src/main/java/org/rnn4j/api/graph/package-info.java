/**
 * A kit for networks made of unit groups and weighted connections with delay 0 or 1 — all the
 * seed's topologies — whose derivatives are derived once from the declaration.
 */
package org.rnn4j.api.graph;
