package org.rnn4j.core.engine;

import java.time.Duration;
import java.util.List;
import org.rnn4j.api.network.Network;
import org.rnn4j.core.config.RunSettings;

/**
 * What a training run gives back.
 *
 * @param network    the trained network
 * @param settings   the settings it was trained with
 * @param trainLoss  mean training loss per target step, one value per epoch
 * @param evaluation the trained network's figures on the training data
 * @param elapsed    wall-clock time of the training loop
 */
public record TrainingResult(Network network, RunSettings settings, List<Double> trainLoss, Evaluation evaluation,
                             Duration elapsed) {
    public TrainingResult {
        trainLoss = List.copyOf(trainLoss);
    }
}
