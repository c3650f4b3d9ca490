package org.rnn4j.core.engine;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Precision;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.RowChunks;
import org.rnn4j.api.SessionFactory;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Encoding;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
import org.rnn4j.core.plugin.PluginRegistry.HostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from settings to trained network: data → network → trainer → epochs → evaluation.
 * Owns the loop over epochs; the trainer owns what an epoch does. Resuming and the best epoch
 * are {@link Progress}'s, the data's parts {@link DataSplit}'s, stopping {@link StopSignal}'s.
 */
public final class TrainingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEngine.class);

    private final PluginRegistry registry;

    public TrainingEngine(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * What a run is asked to do besides its settings.
     *
     * @param data     the data to train on, or null for the configured data source's
     * @param listener told as training goes
     * @param resume   the checkpoint to continue from, or null to start afresh
     * @param sink     where checkpoints go, or null for none
     * @param sessions how the trainer's epochs are run
     */
    public record Request(DataSet data, TrainingListener listener, Checkpoint resume, Checkpoint.Sink sink,
                          SessionFactory sessions) {
    }

    /** The run's configured data set. */
    public DataSet loadData(RunSettings settings) {
        RunSettings.Choice data = settings.data();
        DataSource source = registry.get(PluginKind.DATA_SOURCE, data.name());
        return PluginRegistry.call(source, () -> source.load(data.settings(), Seeds.stream(settings.seed(), "data")));
    }

    /** The run's loss. */
    public Loss loss(RunSettings settings) {
        return registry.get(PluginKind.LOSS, settings.loss());
    }

    /** A freshly initialised network of the run's topology for {@code inputs → outputs}. */
    public Network buildNetwork(RunSettings settings, int inputs, int outputs) {
        RunSettings.Choice topology = settings.topology();
        RandomGenerator random = Seeds.stream(settings.seed(), "init");
        TopologyContext context = new TopologyContext() {
            @Override
            public Config settings() {
                return topology.settings();
            }

            @Override
            public String path() {
                return topology.path();
            }

            @Override
            public int inputSize() {
                return inputs;
            }

            @Override
            public int outputSize() {
                return outputs;
            }

            @Override
            public Activation activation(String name) {
                return registry.get(PluginKind.ACTIVATION, name);
            }

            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public Precision precision() {
                return settings.singlePrecision() ? Precision.SINGLE : Precision.DOUBLE;
            }
        };
        Topology plugin = registry.get(PluginKind.TOPOLOGY, topology.name());
        return PluginRegistry.call(plugin, () -> plugin.build(context));
    }

    /** Sequences to evaluate on, what to call them in reports, and the baselines to score beside a model (or null). */
    record HeldOut(DataSet data, String name, Baselines baselines) {
    }

    /**
     * The held-out part of {@code data} — what a run with {@code settings} holds out: whole
     * sequences, or the last steps of series — or all of it when nothing is held out.
     */
    public DataSet heldOut(DataSet data, RunSettings settings) {
        return DataSplit.heldOut(data, settings, byTime(settings)).data();
    }

    /**
     * {@code network}'s figures on the configured data's held-out part (the same as a run with
     * {@code settings} holds out), with the naive baselines beside them for series.
     */
    public Evaluation evaluateHeldOut(RunSettings settings, Network network, Encoding encoding) {
        HeldOut held = DataSplit.heldOut(loadData(settings), settings, byTime(settings));
        Topology topology = registry.get(PluginKind.TOPOLOGY, settings.topology().name());
        return PluginRegistry.call(topology, () -> Evaluator.evaluate(network, loss(settings), held.data(), held.name(),
                encoding, held.baselines(), threads(settings)));
    }

    /**
     * {@code network}'s forecasts 1…{@code horizon} steps ahead, made from its own predictions,
     * scored per lead time on the held-out period of the configured series (the same as a run with
     * {@code settings} holds out), beside persistence and seasonal naive from the same origins.
     *
     * @return per lead time, from 1: {@code forecasts}, {@code rmse}, {@code mae} and the baselines' figures
     * @throws InvalidInputException when the data are not held out by time, or the model's outputs are not its inputs' next values
     */
    public List<Map<String, Double>> evaluateHorizon(RunSettings settings, Network network, Encoding encoding,
                                                     List<String> inputNames, int horizon) {
        if (horizon < 1 || horizon > RunSettings.MAX_HORIZON) {
            throw new InvalidInputException("horizon: expected a number of steps in [1, " + RunSettings.MAX_HORIZON
                    + "], got " + horizon);
        }
        String reason = notForecastable(settings, network.inputSize(), network.outputSize());
        if (reason != null) {
            throw new InvalidInputException("cannot score forecasts: " + reason);
        }
        HeldOut held = DataSplit.heldOut(loadData(settings), settings, true);
        int season = held.baselines() == null ? 0 : held.baselines().season();
        Topology topology = registry.get(PluginKind.TOPOLOGY, settings.topology().name());
        return PluginRegistry.call(topology, () -> LeadTimes.score(held.data().sequences(),
                new StepPredictor(network, loss(settings), encoding, inputNames, 1), season, horizon));
    }

    /**
     * Why forecasts fed back as inputs mean nothing for {@code settings}' data, as a clause, or null
     * when they do: the data must be a series whose targets are its inputs' next values — from a
     * data source that says it gives series, or given in memory — held out by time, with as many
     * targets as inputs.
     */
    public String notForecastable(RunSettings settings, int inputs, int targets) {
        String name = settings.data().name();
        if (inputs != targets) {
            return name + " has " + inputs + " inputs and " + targets + " targets, and a forecast feeds each prediction"
                    + " back as the next input";
        }
        if (registry.has(PluginKind.DATA_SOURCE, name)
                && !registry.get(PluginKind.DATA_SOURCE, name).isSeries(settings.data().settings())) {
            return name + " holds independent sequences, not a series whose targets are its inputs' next values";
        }
        if (!byTime(settings)) {
            return name + " is held out at random, not by time (rnn4j.data.split = time holds out a series' last steps)";
        }
        return null;
    }

    /**
     * Whether {@code settings} hold out by time: asked for, or auto for a data source of series —
     * the data are then a series whose future is its last steps.
     */
    public boolean byTime(RunSettings settings) {
        String mode = settings.split().mode();
        if (!mode.equals("auto")) {
            return mode.equals("time");
        }
        RunSettings.Choice data = settings.data();
        return registry.has(PluginKind.DATA_SOURCE, data.name())
                && registry.get(PluginKind.DATA_SOURCE, data.name()).isSeries(data.settings());
    }

    /** The threads a run's batches and evaluations may use ({@code rnn4j.trainer.threads}; 0: every core). */
    public static int threads(RunSettings settings) {
        return RowChunks.threads(settings.trainer().settings());
    }

    /** The optimizer with the run's clipping and weight decay, for {@code network}. */
    public ParameterUpdater updater(RunSettings settings, Network network) {
        Optimizer optimizer = registry.get(PluginKind.OPTIMIZER, settings.optimizer().name());
        return settings.gradients().wrap(PluginRegistry.call(optimizer,
                () -> optimizer.create(settings.optimizer().settings(), network.parameters())));
    }

    /**
     * Trains a network as {@code settings} and {@code request} say, and evaluates it on the
     * held-out sequences ({@code rnn4j.data.test-fraction}). Every
     * {@code rnn4j.trainer.checkpoint-every} epochs, and when a run is stopped or diverges, the
     * state at the end of the last completed epoch goes to the request's sink.
     *
     * @throws RuntimeException what a listener threw, unchanged
     */
    public TrainingResult train(RunSettings settings, Request request) {
        DataSet all = request.data() != null ? request.data() : loadData(settings);
        String notForecastable = notForecastable(settings, all.inputSize(), all.outputSize());
        if (notForecastable != null && settings.split().horizon() > 0) {
            throw new InvalidInputException("rnn4j.data.horizon: scores forecasts fed back as inputs, but "
                    + notForecastable + "; set horizon = 0");
        }
        if (notForecastable != null && !settings.transform().isIdentity()) {
            throw new InvalidInputException("rnn4j.data.transform: transforms a series whose targets are its inputs'"
                    + " next values, but " + notForecastable + "; remove the transform");
        }
        DataSplit split = DataSplit.of(all, settings, byTime(settings));
        if (settings.earlyStopping().enabled() && split.validation() == null) {
            throw new InvalidInputException("rnn4j.trainer.early-stopping.patience: early stopping needs validation data,"
                    + " but the split leaves none to validate on: raise rnn4j.data.validation-fraction (or, for a series"
                    + " held out by time, set validation-steps)");
        }
        DataSet data = split.scaled();
        requireReachableTargets(settings, data);
        Network network = buildNetwork(settings, data.inputSize(), data.outputSize());
        Loss loss = loss(settings);
        ParameterUpdater updater = updater(settings, network);
        StopSignal signal = new StopSignal(request.listener());
        Trainer trainer = registry.get(PluginKind.TRAINER, settings.trainer().name());
        TrainingSession session = PluginRegistry.call(trainer, () -> request.sessions().start(trainer,
                new TrainingSetup(settings.trainer().settings(), network, data, loss, updater, settings.batchSize(), signal)));
        Progress progress = new Progress(network, updater, settings.earlyStopping());
        long start;
        Outcome outcome;
        try (session) { // the session's threads end with the run, however it ends
            warnAboutFullBatch(settings, data);
            LOG.info("training {} ({} parameters) with {}/{} on {} ({} sequences), {} epochs",
                    settings.topology().name(), network.parameters().size(), settings.trainer().name(),
                    settings.optimizer().name(), data.name(), data.sequences().size(), settings.epochs());
            if (request.resume() != null) {
                progress.resume(request.resume(), settings.epochs());
            }
            signal.onStart(settings.epochs(), batches(settings, data));
            start = System.nanoTime();
            outcome = runEpochs(settings, trainer, session, updater, progress, split, loss, signal, request.sink(), network,
                    new LossWatch(LOG, settings));
        } catch (HostException e) {
            throw e.getCause();
        }
        progress.keepBest();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        signal.onEnd();
        Topology topology = registry.get(PluginKind.TOPOLOGY, settings.topology().name());
        Evaluation evaluation = PluginRegistry.call(topology, () -> split.test() == null
                ? Evaluator.evaluate(network, loss, split.training(), "training sequences", split.encoding(),
                        split.baselines(), threads(settings))
                : Evaluator.evaluate(network, loss, split.test(), split.description(), split.encoding(),
                        split.baselines(), threads(settings)));
        LOG.info("trained in {} ms ({}): loss per step {}", elapsed.toMillis(), outcome.describe(), evaluation.lossPerStep());
        return new TrainingResult(network, settings, data, progress.history(), evaluation, elapsed, outcome,
                split.encoding().normalization());
    }

    /** The topology setting, by the convention of the built-in topologies, that names the output units' activation. */
    private static final String OUTPUT_ACTIVATION = "output-activation";

    /**
     * Refuses, before training, an output activation whose range cannot reach the targets the
     * network is trained on (after scaling): sigmoid outputs against targets in the hundreds train
     * to nothing. Only for a topology that declares an {@value #OUTPUT_ACTIVATION} setting naming
     * an activation; the range is probed at ±1000.
     */
    private void requireReachableTargets(RunSettings settings, DataSet data) {
        Topology topology = registry.get(PluginKind.TOPOLOGY, settings.topology().name());
        Config own = settings.topology().settings();
        if (topology.pluginSettings().get(OUTPUT_ACTIVATION) != Activation.class || !own.hasPath(OUTPUT_ACTIVATION)) {
            return;
        }
        String name = own.getString(OUTPUT_ACTIVATION);
        Activation activation = registry.get(PluginKind.ACTIVATION, name);
        double low = Math.min(activation.value(-1000), activation.value(1000));
        double high = Math.max(activation.value(-1000), activation.value(1000));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Sequence sequence : data.sequences()) {
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.hasTarget(t)) {
                    for (int k = 0; k < sequence.targets().numCols; k++) {
                        min = Math.min(min, sequence.targets().get(t, k));
                        max = Math.max(max, sequence.targets().get(t, k));
                    }
                }
            }
        }
        double slack = 1e-9 * Math.max(1, high - low);
        if (min < low - slack || max > high + slack) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "%s.%s: %s outputs lie in [%.4g, %.4g] but"
                    + " the training targets%s range over [%.4g, %.4g]; use %s = identity", settings.topology().path(),
                    OUTPUT_ACTIVATION, name, low, high, settings.normalize() ? " (after normalisation)" : "", min, max,
                    OUTPUT_ACTIVATION));
        }
    }

    /** The epochs from the first still to run to the last, or until something ends the run. */
    private Outcome runEpochs(RunSettings settings, Trainer trainer, TrainingSession session,
                                     ParameterUpdater updater, Progress progress, DataSplit split, Loss loss,
                                     TrainingListener signal, Checkpoint.Sink sink, Network network, LossWatch watch) {
        Topology topology = registry.get(PluginKind.TOPOLOGY, settings.topology().name());
        for (int epoch = progress.nextEpoch(); epoch <= settings.epochs(); epoch++) {
            updater.setLearningRateFactor(settings.schedule().factor(epoch));
            int current = epoch;
            double trainLoss = PluginRegistry.call(trainer,
                    () -> session.runEpoch(current, Seeds.stream(settings.seed(), "epoch", current)));
            if (!Double.isFinite(trainLoss)) {
                progress.rollBack();
                save(sink, progress.last(), network);
                return new Outcome.Diverged(epoch, trainLoss, progress.last().epoch(),
                        sink == null ? OptionalInt.empty() : OptionalInt.of(progress.last().epoch()));
            }
            if (signal.stopRequested()) {
                // The epoch was cut short: the last complete one is what a resumed run starts from.
                save(sink, progress.last(), network);
                return new Outcome.Stopped(progress.last().epoch(), true);
            }
            Evaluation check = split.validation() == null ? null
                    : PluginRegistry.call(topology, () -> Evaluator.evaluate(network, loss, split.validation(),
                            "validation sequences", split.encoding(), split.baselines(), threads(settings)));
            double validationLoss = check == null ? Double.NaN : check.lossPerStep();
            Map<String, Double> metrics = check == null ? Map.of() : check.metrics();
            boolean exhausted = progress.completed(new EpochRecord(epoch, trainLoss, validationLoss, metrics));
            watch.observe(epoch, trainLoss);
            signal.onEpoch(new EpochEvent(epoch, settings.epochs(), trainLoss, validationLoss, metrics));
            LOG.debug("epoch {}: train loss {}, validation loss {}", epoch, trainLoss, validationLoss);
            if (settings.checkpointEvery() > 0 && epoch % settings.checkpointEvery() == 0) {
                save(sink, progress.last(), network);
            }
            if (exhausted) {
                return new Outcome.EarlyStopped(epoch, progress.bestEpoch(), progress.bestLoss());
            }
            if (signal.stopRequested()) {
                save(sink, progress.last(), network);
                return new Outcome.Stopped(epoch, false);
            }
        }
        return new Outcome.Completed(settings.epochs());
    }

    private static void save(Checkpoint.Sink sink, Checkpoint checkpoint, Network network) {
        if (sink != null) {
            sink.save(checkpoint, network);
        }
    }

    private static int batches(RunSettings settings, DataSet data) {
        return (data.sequences().size() + settings.batchSize() - 1) / settings.batchSize();
    }

    private void warnAboutFullBatch(RunSettings settings, DataSet data) {
        Optimizer optimizer = registry.get(PluginKind.OPTIMIZER, settings.optimizer().name());
        int batches = batches(settings, data);
        if (optimizer.fullBatch() && batches > 1) {
            LOG.warn("{} is meant for full-batch training but each epoch has {} batches; set rnn4j.trainer.batch-size"
                    + " to at least {}", optimizer.name(), batches, data.sequences().size());
        }
    }
}
