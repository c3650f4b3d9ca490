/**
 * The service interfaces rnn4j discovers with {@link java.util.ServiceLoader} — {@link
 * org.rnn4j.api.Topology}, {@link org.rnn4j.api.Trainer}, {@link org.rnn4j.api.Activation},
 * {@link org.rnn4j.api.Loss}, {@link org.rnn4j.api.Optimizer}, {@link org.rnn4j.api.DataSource}
 * — each a factory chosen by name in a run file.
 */
package org.rnn4j.api;
