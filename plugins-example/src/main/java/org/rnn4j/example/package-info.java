/** A third party's plugins, written against {@code rnn4j-api} alone. */
package org.rnn4j.example;
