package org.rnn4j.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;

/**
 * A run's data in its parts: the sequences trained on, those validated on after each epoch
 * (early stopping) and those held out for the final figures, with the scaling fitted on the
 * training part. The same seed gives the same parts, so evaluating a model later sees exactly the
 * sequences its run held out.
 *
 * @param training      the unscaled training sequences
 * @param scaled        the training sequences as trained on: scaled when {@code normalization} is not null
 * @param validation    the unscaled validation sequences, or null
 * @param test          the unscaled held-out sequences, or null
 * @param normalization fitted on the training sequences, or null
 */
record DataSplit(DataSet training, DataSet scaled, DataSet validation, DataSet test, Normalization normalization) {

    static DataSplit of(DataSet all, RunSettings settings) {
        DataSet[] test = split(all, settings.testFraction(), Seeds.stream(settings.seed(), "split"));
        DataSet[] validation = split(test[0], settings.validationFraction(), Seeds.stream(settings.seed(), "validation"));
        Normalization normalization = settings.normalize() ? Normalization.fit(validation[0]) : null;
        DataSet scaled = normalization == null ? validation[0] : normalization.apply(validation[0]);
        return new DataSplit(validation[0], scaled, validation[1], test[1], normalization);
    }

    /** The held-out sequences; all sequences when none are held out. */
    static TrainingEngine.HeldOut heldOut(DataSet all, RunSettings settings) {
        DataSet[] test = split(all, settings.testFraction(), Seeds.stream(settings.seed(), "split"));
        return test[1] == null ? new TrainingEngine.HeldOut(all, "sequences")
                : new TrainingEngine.HeldOut(test[1], "held-out sequences");
    }

    /**
     * The sequences to train on and those held out (null when the fraction leaves none), chosen
     * at random: {@code fraction} of them, rounded down, go to the second part.
     */
    static DataSet[] split(DataSet data, double fraction, RandomGenerator random) {
        int count = data.sequences().size();
        int held = (int) Math.floor(count * fraction);
        if (held == 0 || held == count) {
            return new DataSet[] {data, null};
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        for (int i = count - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        List<Sequence> train = new ArrayList<>();
        List<Sequence> test = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            (i < held ? test : train).add(data.sequences().get(order.get(i)));
        }
        return new DataSet[] {data.withSequences(train), data.withSequences(test)};
    }
}
