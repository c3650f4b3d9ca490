/** The data sets every rnn4j installation has. */
package org.rnn4j.core.data;
