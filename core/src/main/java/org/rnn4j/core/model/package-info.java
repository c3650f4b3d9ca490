/** Model and checkpoint files: a zip of a JSON manifest, the configuration and NumPy arrays. */
package org.rnn4j.core.model;
