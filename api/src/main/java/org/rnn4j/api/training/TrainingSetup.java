package org.rnn4j.api.training;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Network;

/**
 * Everything a {@link org.rnn4j.api.Trainer} is given to train a network.
 *
 * @param settings  the effective trainer settings: the run's {@code rnn4j.trainer} over the
 *                  trainer's defaults in {@code rnn4j.trainers.<name>}
 * @param network   the network, trained in place
 * @param data      the training sequences
 * @param loss      the per-step loss
 * @param updater   applies each gradient to the parameters
 * @param batchSize sequences per mini-batch
 * @param listener  receives a {@link BatchEvent} after every update
 */
public record TrainingSetup(Config settings, Network network, DataSet data, Loss loss, ParameterUpdater updater,
                            int batchSize, TrainingListener listener) {

    public TrainingSetup {
        requireNonNull(settings, "settings is null");
        requireNonNull(network, "network is null");
        requireNonNull(data, "data is null");
        requireNonNull(loss, "loss is null");
        requireNonNull(updater, "updater is null");
        requireNonNull(listener, "listener is null");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        if (network.inputSize() != data.inputSize() || network.outputSize() != data.outputSize()) {
            throw new IllegalArgumentException("network is " + network.inputSize() + " → " + network.outputSize()
                    + " but data '" + data.name() + "' is " + data.inputSize() + " → " + data.outputSize());
        }
    }
}
