/** The run engine: seeds, the loop over epochs, evaluation. */
package org.rnn4j.core.engine;
