package org.rnn4j.core.engine;

import java.time.Duration;
import java.util.List;
import org.rnn4j.api.network.Network;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;

/**
 * What a training run gives back.
 *
 * @param network    the trained network (with early stopping: the best epoch's parameters)
 * @param settings   the settings it was trained with
 * @param history    one record per epoch run
 * @param evaluation the trained network's figures on the held-out sequences (or, without them,
 *                   the training sequences)
 * @param elapsed    wall-clock time of the training loop
 * @param ending     why training ended: "completed", "early stopping …", "stopped on request …"
 * @param normalization the data scaling the network was trained with, or null
 */
public record TrainingResult(Network network, RunSettings settings, List<EpochRecord> history, Evaluation evaluation,
                             Duration elapsed, String ending, Normalization normalization) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The training loss of each epoch. */
    public List<Double> trainLoss() {
        return history.stream().map(EpochRecord::trainLoss).toList();
    }
}
