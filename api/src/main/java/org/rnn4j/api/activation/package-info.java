/** The activations every rnn4j installation has, registered through ServiceLoader like any plugin's. */
package org.rnn4j.api.activation;
