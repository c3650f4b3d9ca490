/** Training algorithms and optimizers, generic over every {@link org.rnn4j.api.network.Network}. */
package org.rnn4j.trainers;
