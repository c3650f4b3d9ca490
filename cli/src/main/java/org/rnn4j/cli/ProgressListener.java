package org.rnn4j.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.TrainingListener;

/**
 * Progress over the epochs, with the latest losses, on standard error: a progress bar on a
 * terminal; on a pipe or in CI, where a bar would be noise, a plain line every tenth of the run.
 */
final class ProgressListener implements TrainingListener {

    private final boolean terminal;
    private final PrintWriter err;
    private ProgressBar bar;
    private int epochs;

    ProgressListener(boolean terminal, PrintWriter err) {
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("training")
                    .setInitialMax(epochs)
                    .setUnit(" epochs", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }
    }

    @Override
    public void onEpoch(EpochEvent event) {
        String losses = Double.isNaN(event.validationLoss())
                ? String.format("loss %.5f", event.trainLoss())
                : String.format("loss %.5f, validation %.5f", event.trainLoss(), event.validationLoss());
        if (bar != null) {
            bar.stepTo(event.epoch());
            bar.setExtraMessage(losses);
        } else if (event.epoch() % Math.max(1, epochs / 10) == 0 || event.epoch() == epochs) {
            err.printf("epoch %d/%d: %s%n", event.epoch(), epochs, losses);
            err.flush();
        }
    }

    @Override
    public void onEnd() {
        if (bar != null) {
            bar.close();
        }
    }
}
