/** The {@link org.rnn4j.api.network.Network} contract every topology builds and every trainer trains. */
package org.rnn4j.api.network;
