package org.rnn4j.core;

import java.time.Duration;
import java.util.List;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.Outcome;

/**
 * What a training run gives back.
 *
 * @param model      the trained model (with early stopping on: the best epoch's parameters; else
 *                   after a divergence the last finite epoch's)
 * @param outcome    how the run ended
 * @param history    one record per epoch run (a resumed run's includes the epochs before it)
 * @param evaluation the model's figures on the held-out sequences (or, without them, the training sequences)
 * @param elapsed    wall-clock time of the training loop
 */
public record TrainingRun(Model model, Outcome outcome, List<EpochRecord> history, Evaluation evaluation, Duration elapsed) {
    public TrainingRun {
        history = List.copyOf(history);
    }

    /** The training loss of each epoch. */
    public List<Double> trainLoss() {
        return history.stream().map(EpochRecord::trainLoss).toList();
    }
}
