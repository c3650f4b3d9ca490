/** A program that embeds rnn4j, as docs/embedding.md shows it: every snippet of that page is code from here. */
package org.rnn4j.embedding;
