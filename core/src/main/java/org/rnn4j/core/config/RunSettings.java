package org.rnn4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.Settings;
import org.rnn4j.core.config.EarlyStopping;
import org.rnn4j.core.config.GradientPolicy;
import org.rnn4j.core.config.LearningRateSchedule;
import org.rnn4j.core.data.Transform;
import org.rnn4j.core.plugin.PluginKind;

/**
 * A validated run configuration read into typed values once, at start.
 *
 * @param seed              {@code rnn4j.seed}: every random number of the run derives from it
 * @param data              the chosen data set and its effective settings
 * @param topology          the chosen topology and its effective settings
 * @param trainer           the chosen trainer and its effective settings
 * @param optimizer         the chosen optimizer and its effective settings
 * @param epochs            {@code rnn4j.trainer.epochs}
 * @param batchSize         {@code rnn4j.trainer.batch-size}, sequences per update
 * @param loss              {@code rnn4j.trainer.loss}
 * @param testFraction      {@code rnn4j.data.test-fraction}, the share of sequences held out
 * @param normalize         {@code rnn4j.data.normalize = standard}: scale inputs and targets by the
 *                          training sequences' mean and standard deviation
 * @param validationFraction {@code rnn4j.data.validation-fraction}, the share of the training
 *                          sequences set aside to validate on after each epoch
 * @param gradients         clipping and weight decay ({@code rnn4j.trainer.clip-*}, {@code weight-decay})
 * @param schedule          {@code rnn4j.trainer.schedule}
 * @param earlyStopping     {@code rnn4j.trainer.early-stopping}
 * @param checkpointEvery   {@code rnn4j.trainer.checkpoint-every}, epochs between checkpoints (0: none)
 * @param outputDirectory   {@code rnn4j.output.dir}
 * @param split             {@code rnn4j.data.split}: how held-out and validation data are chosen
 * @param transform         {@code rnn4j.data.transform}: log and differences, before {@code normalize}
 * @param singlePrecision   {@code rnn4j.precision = single}: the networks' large products in {@code float}
 */
public record RunSettings(long seed, Choice data, Choice topology, Choice trainer, Choice optimizer,
                          int epochs, int batchSize, String loss, double testFraction, boolean normalize, double validationFraction,
                          GradientPolicy gradients, LearningRateSchedule schedule, EarlyStopping earlyStopping,
                          int checkpointEvery, Path outputDirectory, Split split, Transform transform,
                          boolean singlePrecision) {

    /**
     * How held-out and validation data are chosen.
     *
     * @param mode            "auto", "time" or "random"
     * @param testSteps       by time: final steps of each sequence held out, 0 for the test fraction of them
     * @param validationSteps by time: steps before them to validate on, 0 for the validation fraction of the rest
     * @param season          the season in steps for the seasonal naive baseline, 0 for none
     * @param horizon         lead times to score forecasts at, from the model's own predictions, 0 for none
     */
    public record Split(String mode, int testSteps, int validationSteps, int season, int horizon) {
    }

    /**
     * A chosen plugin and its effective settings: the run's block over the plugin's defaults.
     *
     * @param path the run's block ({@code rnn4j.topology}), for messages
     */
    public record Choice(String name, Config settings, String path) {
    }

    /** Reads an effective configuration that {@link ConfigValidator} has passed. */
    public static RunSettings from(Config effective) {
        Settings trainer = new Settings(effective.getConfig("rnn4j.trainer"), "rnn4j.trainer");
        int epochs = trainer.integer("epochs", 1, Integer.MAX_VALUE);
        int batchSize = trainer.integer("batch-size", 1, Integer.MAX_VALUE);
        trainer.integer("threads", 0, 1024);  // read by the trainers and the evaluator: checked here, once
        trainer.integer("chunk", 1, Integer.MAX_VALUE);
        Settings data = new Settings(effective.getConfig("rnn4j.data"), "rnn4j.data");
        double validationFraction = data.number("validation-fraction", 0, 0.9);
        EarlyStopping earlyStopping = new EarlyStopping(trainer.integer("early-stopping.patience", 0, Integer.MAX_VALUE),
                trainer.number("early-stopping.min-delta", 0, Double.MAX_VALUE));
        Split split = split(data, choice(effective, PluginKind.DATA_SOURCE));
        if (earlyStopping.enabled() && validationFraction == 0 && split.validationSteps() == 0) {
            throw trainer.invalid("early-stopping.patience", "early stopping needs validation sequences:"
                    + " set rnn4j.data.validation-fraction above 0 (or, for a series, validation-steps)");
        }
        Settings root = new Settings(effective.getConfig("rnn4j"), "rnn4j");
        double seed = root.number("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (seed != Math.rint(seed)) {
            throw root.invalid("seed", "expected an integer, got " + seed);
        }
        return new RunSettings(
                effective.getLong("rnn4j.seed"),
                choice(effective, PluginKind.DATA_SOURCE),
                choice(effective, PluginKind.TOPOLOGY),
                choice(effective, PluginKind.TRAINER),
                optimizerChoice(effective),
                epochs,
                batchSize,
                effective.getString("rnn4j.trainer.loss"),
                data.number("test-fraction", 0, 0.9),
                data.oneOf("normalize", "none", "standard").equals("standard"),
                validationFraction,
                new GradientPolicy(trainer.number("clip-value", 0, Double.MAX_VALUE),
                        trainer.number("clip-norm", 0, Double.MAX_VALUE),
                        trainer.number("weight-decay", 0, Double.MAX_VALUE)),
                new LearningRateSchedule(trainer.oneOf("schedule.type", "constant", "step", "exponential"),
                        trainer.integer("schedule.step-size", 1, Integer.MAX_VALUE),
                        trainer.number("schedule.gamma", Double.MIN_VALUE, Double.MAX_VALUE)),
                earlyStopping,
                trainer.integer("checkpoint-every", 0, Integer.MAX_VALUE),
                Path.of(effective.getString("rnn4j.output.dir")),
                split,
                transform(data),
                root.oneOf("precision", "double", "single").equals("single"));
    }

    /**
     * The transform {@code config} sets ({@code rnn4j.data.transform}), none when it sets none.
     *
     * @throws org.rnn4j.api.InvalidInputException naming the key when it is not a transform
     */
    public static Transform transform(Config config) {
        return config.hasPath("rnn4j.data.transform") ? transform(new Settings(config.getConfig("rnn4j.data"), "rnn4j.data"))
                : Transform.NONE;
    }

    /** {@code transform.log} and {@code transform.difference}, a list of lags, each at least 1. */
    private static Transform transform(Settings data) {
        boolean log = data.flag("transform.log");
        List<Integer> lags = new ArrayList<>();
        long order = 0;
        String key = "transform.difference";
        List<? extends Number> values;
        try {
            values = data.config().getNumberList(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw data.invalid(key, "expected a list of lags in steps, like [1], [12] or [1, 12], or [] for none");
        }
        for (Number value : values) {
            double lag = value.doubleValue();
            if (lag != Math.rint(lag) || lag < 1 || lag > Transform.MAX_ORDER) {
                throw data.invalid(key, "expected lags of 1 to " + Transform.MAX_ORDER + " steps, got " + value);
            }
            lags.add((int) lag);
            order += (int) lag;
        }
        if (order > Transform.MAX_ORDER) {
            throw data.invalid(key, "the lags sum to " + order + " steps, more than " + Transform.MAX_ORDER);
        }
        return new Transform(log, lags);
    }

    /** The longest horizon: forecasts of a step per lead time from every held-out step take time and memory that grow with it. */
    public static final int MAX_HORIZON = 100_000;

    /** The split; a data set that does not declare test-steps, validation-steps or season has none of them. */
    private static Split split(Settings data, Choice source) {
        Settings own = new Settings(source.settings(), "rnn4j.data");
        return new Split(data.oneOf("split", "auto", "time", "random"),
                source.settings().hasPath("test-steps") ? own.integer("test-steps", 0, Integer.MAX_VALUE) : 0,
                source.settings().hasPath("validation-steps") ? own.integer("validation-steps", 0, Integer.MAX_VALUE) : 0,
                source.settings().hasPath("season") ? own.integer("season", 0, Integer.MAX_VALUE) : 0,
                data.integer("horizon", 0, MAX_HORIZON));
    }

    /**
     * The chosen optimizer: the run's {@code rnn4j.trainer.optimizer} over the chosen trainer's
     * defaults for it ({@code rnn4j.trainers.<trainer>.optimizers.<optimizer>}, for a trainer whose
     * updates want other settings, as online RTRL wants a smaller rate) over the optimizer's own.
     */
    public static Choice optimizerChoice(Config effective) {
        Choice plain = choice(effective, PluginKind.OPTIMIZER);
        String trainerDefaults = PluginKind.TRAINER.defaultsRoot() + "." + effective.getString("rnn4j.trainer.type")
                + ".optimizers." + plain.name();
        if (!effective.hasPath(trainerDefaults)) {
            return plain;
        }
        Config settings = effective.getConfig(PluginKind.OPTIMIZER.selection())
                .withFallback(effective.getConfig(trainerDefaults))
                .withFallback(plain.settings());
        return new Choice(plain.name(), settings, plain.path());
    }

    /** The chosen plugin of {@code kind} with the run's block over its defaults. */
    public static Choice choice(Config effective, PluginKind<?> kind) {
        String name = effective.getString(kind.selection() + ".type");
        String defaults = kind.defaultsRoot() + "." + name;
        Config settings = effective.getConfig(kind.selection())
                .withFallback(effective.hasPath(defaults) ? effective.getConfig(defaults) : ConfigFactory.empty());
        return new Choice(name, settings, kind.selection());
    }
}
