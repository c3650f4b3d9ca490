package org.rnn4j.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.TrainingListener;

/** A progress bar over the epochs, with the latest training loss, on standard error. */
final class ProgressListener implements TrainingListener {

    private ProgressBar bar;

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        bar = new ProgressBarBuilder()
                .setTaskName("training")
                .setInitialMax(epochs)
                .setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void onEpoch(EpochEvent event) {
        bar.stepTo(event.epoch());
        bar.setExtraMessage(Double.isNaN(event.validationLoss())
                ? String.format("loss %.5f", event.trainLoss())
                : String.format("loss %.5f, validation %.5f", event.trainLoss(), event.validationLoss()));
    }

    @Override
    public void onEnd() {
        bar.close();
    }
}
