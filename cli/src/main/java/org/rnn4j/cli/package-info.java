/** The {@code rnn4j} command line. */
package org.rnn4j.cli;
