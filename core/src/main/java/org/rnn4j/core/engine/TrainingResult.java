package org.rnn4j.core.engine;

import java.time.Duration;
import java.util.List;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;

/**
 * What the engine gives back; the facade turns it into a {@code TrainingRun} and its {@code Model}.
 *
 * @param network       the trained network (with early stopping: the kept epoch's parameters)
 * @param settings      the settings it was trained with
 * @param data          the training sequences (for their names and sizes)
 * @param history       one record per epoch run
 * @param evaluation    the figures on the held-out sequences (or, without them, the training sequences)
 * @param elapsed       wall-clock time of the training loop
 * @param outcome       how training ended
 * @param normalization the data scaling the network was trained with, or null
 */
public record TrainingResult(Network network, RunSettings settings, DataSet data, List<EpochRecord> history,
                             Evaluation evaluation, Duration elapsed, Outcome outcome, Normalization normalization) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
