/** Plugin discovery ({@link org.rnn4j.core.plugin.PluginDiscovery}) and lookup by name ({@link org.rnn4j.core.plugin.PluginRegistry}). */
package org.rnn4j.core.plugin;
