package org.rnn4j.core.engine;

import org.rnn4j.core.config.RunSettings;
import org.slf4j.Logger;

/**
 * Watches the training loss for what a careful user would want told: a loss above zero that has
 * not moved (by a billionth) for five epochs — saturated units, or a step too small to matter — or
 * one that has grown in each of five epochs to more than twice what it was. Warns once each,
 * naming the learning rate.
 */
final class LossWatch {

    /** Epochs looked at. */
    static final int EPOCHS = 5;

    private final Logger log;
    private final String learningRate;
    private final double[] recent = new double[EPOCHS];
    private int seen;
    private boolean warnedFlat;
    private boolean warnedGrowing;

    LossWatch(Logger log, RunSettings settings) {
        this.log = log;
        var optimizer = settings.optimizer();
        this.learningRate = optimizer.settings().hasPath("learning-rate")
                ? "rnn4j.trainer.optimizer.learning-rate = " + optimizer.settings().getValue("learning-rate").render()
                : "the optimizer '" + optimizer.name() + "'";
    }

    void observe(int epoch, double loss) {
        System.arraycopy(recent, 1, recent, 0, EPOCHS - 1);
        recent[EPOCHS - 1] = loss;
        seen++;
        if (seen < EPOCHS) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean growing = true;
        for (int i = 0; i < EPOCHS; i++) {
            min = Math.min(min, recent[i]);
            max = Math.max(max, recent[i]);
            growing &= i == 0 || recent[i] > recent[i - 1];
        }
        if (!warnedFlat && max > 0 && max - min <= 1e-9 * max) {
            warnedFlat = true;
            log.warn("the training loss has not moved in epochs {}-{} ({}): with {} the step may be far too large"
                    + " (saturated units) or too small", epoch - EPOCHS + 1, epoch, String.format(java.util.Locale.ROOT,
                    "%.5f", loss), learningRate);
        }
        if (!warnedGrowing && growing && recent[EPOCHS - 1] > 2 * recent[0]) {
            warnedGrowing = true;
            log.warn("the training loss has grown in each of epochs {}-{} ({} → {}): try a smaller step than {}, or"
                    + " rnn4j.trainer.clip-norm", epoch - EPOCHS + 1, epoch, String.format(java.util.Locale.ROOT, "%.5f",
                    recent[0]), String.format(java.util.Locale.ROOT, "%.5f", loss), learningRate);
        }
    }
}
