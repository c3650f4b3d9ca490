/** Sequences, data sets and mini-batches, and the task metrics reported beside the loss. */
package org.rnn4j.api.data;
