/** The {@link org.rnn4j.core.Rnn4j} facade and the {@link org.rnn4j.core.Rnn4jModule} a host installs. */
package org.rnn4j.core;
