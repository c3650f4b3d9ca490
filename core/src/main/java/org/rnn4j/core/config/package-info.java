/** Configuration: layering ({@link org.rnn4j.core.config.ConfigLoader}), checking ({@link org.rnn4j.core.config.ConfigValidator}) and typed settings. */
package org.rnn4j.core.config;
