/** The losses every rnn4j installation has: {@code mse}, {@code cross-entropy}, {@code binary-cross-entropy}. */
package org.rnn4j.api.loss;
