package org.rnn4j.embedding;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.InMemoryData;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingOptions;
import org.rnn4j.core.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host that forecasts a sensor's next reading: it trains an Elman network on readings it holds
 * in memory, saves the model, loads it back, predicts a sequence, follows a live stream while
 * learning from it, and evaluates the model on new data.
 */
public final class SensorForecast {

    private static final Logger LOG = LoggerFactory.getLogger(SensorForecast.class);

    /** What the tour measured, for its test. */
    public record Results(TrainingRun training, double[][] predicted, double streamError, long updates,
                          Evaluation before, Evaluation after) {
    }

    private SensorForecast() {
    }

    public static void main(String[] args) {
        Results results = run(Path.of(args.length > 0 ? args[0] : "sensor.rnn4j"));
        LOG.info("held-out loss {}, on new readings {} before and {} after learning online",
                results.training().evaluation().lossPerStep(), results.before().lossPerStep(), results.after().lossPerStep());
    }

    /** The whole tour, saving the model to {@code file}. */
    public static Results run(Path file) {
        // [data]
        InMemoryData readings = InMemoryData.builder("sensor", 1, 1)
                .names(List.of("temperature"), List.of("next-temperature"));
        for (double[] series : series(40, 60, 1)) {
            double[][] inputs = new double[series.length - 1][];
            double[][] targets = new double[series.length - 1][];
            for (int t = 0; t < series.length - 1; t++) {
                inputs[t] = new double[] {series[t]};
                targets[t] = new double[] {series[t + 1]};
            }
            readings.sequence(inputs, targets);
        }
        DataSet data = readings.build();
        // [data]

        // [train]
        Config run = ConfigFactory.parseString("""
                rnn4j {
                  seed = 7
                  data.normalize = standard
                  topology { type = elman, hidden = [8], output-activation = identity }
                  trainer.epochs = 60
                }""");
        Rnn4j rnn4j = Rnn4j.create(run);          // checks everything; InvalidInputException lists every problem
        TrainingRun training = rnn4j.train(data, new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                LOG.debug("epoch {}: {}", event.epoch(), event.trainLoss());
            }
        });
        if (!(training.outcome() instanceof Outcome.Completed)) {
            LOG.warn("training ended early: {}", training.outcome().describe());
        }
        Model model = training.model();
        // [train]

        // [save-load-predict]
        model.save(file);                                      // atomically
        Model loaded = rnn4j.load(file);                       // rebuilt through the installed plugins
        double[][] predicted = loaded.predict(new double[][] {{20.0}, {21.5}, {22.7}, {23.4}});
        double nextAfterLast = predicted[3][0];                // in degrees: scaled and unscaled by the model
        // [save-load-predict]

        // [stream]
        Predictor live = loaded.learner("rtrl");               // learns from each target as it arrives
        double[] readingsNow = drifted(series(1, 200, 2).get(0));   // the sensor now reads 1.5 degrees high
        double squaredError = 0;
        for (int t = 0; t + 1 < readingsNow.length; t++) {
            double[] forecast = live.predict(new double[] {readingsNow[t]});
            double actual = readingsNow[t + 1];
            squaredError += (forecast[0] - actual) * (forecast[0] - actual);
            live.learn(new double[] {actual});                 // one RTRL update
        }
        Model updated = live.model();                          // the model with what it learned
        // [stream]

        // [evaluate]
        double[] later = drifted(series(1, 200, 3).get(0));   // readings after those it learned from
        DataSet newReadings = InMemoryData.builder("sensor-later", 1, 1)
                .sequence(inputs(later), targets(later))
                .build();
        Evaluation before = loaded.evaluate(newReadings);
        Evaluation after = updated.evaluate(newReadings);
        // [evaluate]
        LOG.debug("next reading after 23.4: {}", nextAfterLast);
        return new Results(training, predicted, Math.sqrt(squaredError / (readingsNow.length - 1)), live.updates(),
                before, after);
    }

    /**
     * Trains with a checkpoint kept in {@code checkpoint}, continuing from it when it exists — a
     * host that may be stopped at any moment and restarted ends where an uninterrupted run would.
     */
    public static TrainingRun resumable(Rnn4j rnn4j, DataSet data, Path checkpoint) {
        // [checkpoints]
        TrainingOptions options = TrainingOptions.defaults().data(data).checkpointTo(checkpoint);
        if (Files.exists(checkpoint)) {
            options = options.resumeFrom(checkpoint);          // the same configuration, the same data
        }
        TrainingRun run = rnn4j.train(options);
        if (run.outcome() instanceof Outcome.Stopped stopped) {
            LOG.info("stopped after epoch {}; the checkpoint continues from there", stopped.lastEpoch());
        }
        // [checkpoints]
        return run;
    }

    /** {@code count} series of {@code length} readings: a daily cycle around 20 degrees, with noise. */
    static List<double[]> series(int count, int length, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            double phase = random.nextDouble() * 2 * Math.PI;
            double[] values = new double[length];
            for (int t = 0; t < length; t++) {
                values[t] = 20 + 4 * Math.sin(phase + 2 * Math.PI * t / 24) + 0.2 * random.nextGaussian();
            }
            return values;
        }).toList();
    }

    private static double[] drifted(double[] series) {
        return java.util.Arrays.stream(series).map(value -> value + 1.5).toArray();
    }

    private static double[][] inputs(double[] series) {
        double[][] rows = new double[series.length - 1][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = new double[] {series[t]};
        }
        return rows;
    }

    private static double[][] targets(double[] series) {
        double[][] rows = new double[series.length - 1][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = new double[] {series[t + 1]};
        }
        return rows;
    }
}
