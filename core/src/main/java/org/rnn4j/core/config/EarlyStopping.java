package org.rnn4j.core.config;

/**
 * Stopping when the validation loss has not improved by more than {@code minDelta} for
 * {@code patience} epochs; the parameters of the best epoch are restored. {@code patience = 0}
 * turns it off.
 *
 * @param patience epochs without improvement before stopping
 * @param minDelta the least decrease that counts as an improvement
 */
public record EarlyStopping(int patience, double minDelta) {

    /** Whether it is on. */
    public boolean enabled() {
        return patience > 0;
    }
}
