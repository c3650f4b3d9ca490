package org.rnn4j.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Encoding;

/**
 * A run's data in its parts: the sequences trained on, those validated on after each epoch
 * (early stopping) and those held out for the final figures, with the encoding (transform and
 * scaling) fitted on the training part. The same seed gives the same parts, so evaluating a model later sees exactly the
 * sequences its run held out.
 *
 * @param training      the unscaled training sequences
 * @param scaled        the training sequences as trained on: encoded
 * @param validation    the unscaled validation sequences, or null
 * @param test          the unscaled held-out sequences, or null
 * @param encoding      the transform, and scaling fitted on the training sequences
 * @param baselines     for series split by time: the naive forecasts to score beside the model, else null
 * @param description   what was held out, for reports: "held-out sequences", or by time "…"
 */
record DataSplit(DataSet training, DataSet scaled, DataSet validation, DataSet test, Encoding encoding,
                 Baselines baselines, String description) {

    static DataSplit of(DataSet all, RunSettings settings, boolean byTime) {
        return byTime ? byTime(all, settings) : atRandom(all, settings);
    }

    private static DataSplit atRandom(DataSet all, RunSettings settings) {
        DataSet[] test = split(all, settings.testFraction(), Seeds.stream(settings.seed(), "split"));
        DataSet[] validation = split(test[0], settings.validationFraction(), Seeds.stream(settings.seed(), "validation"));
        Encoding encoding = Encoding.fit(validation[0], settings.transform(), settings.normalize());
        return new DataSplit(validation[0], encoding.encode(validation[0]), validation[1], test[1], encoding, null,
                "held-out sequences");
    }

    /**
     * Series held out by time: of every sequence the last steps are the held-out future (the steps
     * before them warm the state up when it is scored), the steps just before those validate, and
     * the rest trains — so nothing trained on lies after anything scored.
     */
    private static DataSplit byTime(DataSet all, RunSettings settings) {
        RunSettings.Split split = settings.split();
        List<Sequence> training = new ArrayList<>();
        List<Sequence> validation = new ArrayList<>();
        List<Sequence> test = new ArrayList<>();
        for (Sequence sequence : all.sequences()) {
            int length = sequence.length();
            int held = split.testSteps() > 0 ? split.testSteps() : (int) Math.floor(length * settings.testFraction());
            int rest = length - held;
            int validating = split.validationSteps() > 0 ? split.validationSteps()
                    : (int) Math.floor(rest * settings.validationFraction());
            int trained = rest - validating;
            int history = settings.transform().order();
            if (trained < 1 + history) {
                throw new InvalidInputException("rnn4j.data: a sequence of " + length + " steps, less " + held
                        + " held out and " + validating + " to validate on, leaves " + (trained < 1 ? "nothing"
                        : trained + " steps") + " to train on" + (history > 0 ? ", and differencing at lags summing to "
                        + history + " needs " + (history + 1) : "") + "; hold out fewer steps (test-steps, test-fraction, validation-steps,"
                        + " validation-fraction)" + (history > 0 ? " or difference at shorter lags" : ""));
            }
            training.add(sequence.head(trained, 0));
            if (validating > 0) {
                validation.add(sequence.head(rest, trained));
            }
            if (held > 0) {
                test.add(sequence.head(length, rest));
            }
        }
        DataSet train = all.withSequences(training);
        Encoding encoding = Encoding.fit(train, settings.transform(), settings.normalize());
        String held = split.testSteps() > 0 ? "the last " + split.testSteps() + " steps"
                : String.format(java.util.Locale.ROOT, "the last %.0f%% of the steps", 100 * settings.testFraction());
        return new DataSplit(train, encoding.encode(train), validation.isEmpty() ? null : all.withSequences(validation),
                test.isEmpty() ? null : all.withSequences(test), encoding, Baselines.of(training, split.season()),
                "series: " + held + " of each held out by time");
    }

    /** The held-out part of {@code all} as a run with {@code settings} splits it; all of it when nothing is held out. */
    static TrainingEngine.HeldOut heldOut(DataSet all, RunSettings settings, boolean byTime) {
        DataSplit split = of(all, settings, byTime);
        return split.test() == null ? new TrainingEngine.HeldOut(all, "sequences", split.baselines())
                : new TrainingEngine.HeldOut(split.test(), split.description(), split.baselines());
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
