package org.rnn4j.core.engine;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.api.Activation;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run from settings to trained network: data → network → trainer → epochs → evaluation.
 * Owns the loop over epochs; the trainer owns what an epoch does.
 */
public final class TrainingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEngine.class);

    private final PluginRegistry registry;

    public TrainingEngine(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The run's data set. */
    public DataSet loadData(RunSettings settings) {
        RunSettings.Choice data = settings.data();
        DataSource source = registry.get(PluginKind.DATA_SOURCE, data.name());
        return PluginRegistry.inContextOf(source, () -> source.load(data.settings(), Seeds.stream(settings.seed(), "data")));
    }

    private static Checkpoint snapshot(int epoch, Network network, ParameterUpdater updater, List<EpochRecord> history,
                                       Parameters best, double bestLoss, int bestEpoch) {
        return new Checkpoint(epoch, network.parameters().toArray(), updater.state(), history,
                best == null ? null : best.toArray(), bestLoss, bestEpoch);
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
            java.util.Collections.swap(order, i, random.nextInt(i + 1));
        }
        List<Sequence> train = new ArrayList<>();
        List<Sequence> test = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            (i < held ? test : train).add(data.sequences().get(order.get(i)));
        }
        return new DataSet[] {
            new DataSet(data.name(), data.inputSize(), data.outputSize(), train, data.metrics()),
            new DataSet(data.name(), data.inputSize(), data.outputSize(), test, data.metrics())};
    }

    /** A freshly initialised network of the run's topology for {@code data}'s sizes. */
    public Network buildNetwork(RunSettings settings, DataSet data) {
        return buildNetwork(settings, data.inputSize(), data.outputSize());
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
        };
        Topology plugin = registry.get(PluginKind.TOPOLOGY, topology.name());
        return PluginRegistry.inContextOf(plugin, () -> plugin.build(context));
    }

    /**
     * {@code network}'s figures on the run's held-out sequences (the same split as in training),
     * or on all its sequences when none are held out.
     */
    public Evaluation evaluate(RunSettings settings, Network network, Normalization normalization) {
        DataSet all = loadData(settings);
        if (all.inputSize() != network.inputSize() || all.outputSize() != network.outputSize()) {
            throw new InvalidInputException("data set '" + all.name() + "' is " + all.inputSize() + " inputs → "
                    + all.outputSize() + " outputs but the model is " + network.inputSize() + " → " + network.outputSize());
        }
        DataSet[] test = split(all, settings.testFraction(), Seeds.stream(settings.seed(), "split"));
        Loss loss = registry.get(PluginKind.LOSS, settings.loss());
        return test[1] == null ? Evaluator.evaluate(network, loss, all, "sequences", normalization)
                : Evaluator.evaluate(network, loss, test[1], "held-out sequences", normalization);
    }

    /** Trains a new network as {@code settings} say, without checkpoints. */
    public TrainingResult train(RunSettings settings, TrainingListener listener) {
        return train(settings, listener, null, null);
    }

    /**
     * Trains a network as {@code settings} say — from scratch, or from {@code resume} — telling
     * {@code listener} as it goes, and evaluates it on the held-out sequences
     * ({@code rnn4j.data.test-fraction}). Every {@code rnn4j.trainer.checkpoint-every} epochs, and
     * when a run is stopped or diverges, the state at the end of the last completed epoch goes to
     * {@code sink} (when not null).
     */
    public TrainingResult train(RunSettings settings, TrainingListener listener, Checkpoint resume, Checkpoint.Sink sink) {
        return train(settings, listener, resume, sink, SessionFactory.LOCAL);
    }

    /** As {@link #train(RunSettings, TrainingListener, Checkpoint, Checkpoint.Sink)}, with epochs run by {@code sessions}. */
    public TrainingResult train(RunSettings settings, TrainingListener listener, Checkpoint resume, Checkpoint.Sink sink,
                                SessionFactory sessions) {
        DataSet all = loadData(settings);
        DataSet[] test = split(all, settings.testFraction(), Seeds.stream(settings.seed(), "split"));
        DataSet[] validation = split(test[0], settings.validationFraction(), Seeds.stream(settings.seed(), "validation"));
        Normalization normalization = settings.normalize() ? Normalization.fit(validation[0]) : null;
        DataSet data = normalization == null ? validation[0] : normalization.apply(validation[0]);
        Network network = buildNetwork(settings, data);
        Loss loss = registry.get(PluginKind.LOSS, settings.loss());
        Optimizer optimizer = registry.get(PluginKind.OPTIMIZER, settings.optimizer().name());
        ParameterUpdater updater = settings.gradients().wrap(PluginRegistry.inContextOf(optimizer,
                () -> optimizer.create(settings.optimizer().settings(), network.parameters())));
        Trainer trainer = registry.get(PluginKind.TRAINER, settings.trainer().name());
        TrainingSession session = PluginRegistry.inContextOf(trainer, () -> sessions.start(trainer, new TrainingSetup(
                settings.trainer().settings(), network, data, loss, updater, settings.batchSize(), listener)));
        int batches = (data.sequences().size() + settings.batchSize() - 1) / settings.batchSize();
        if (optimizer.fullBatch() && batches > 1) {
            LOG.warn("{} is meant for full-batch training but each epoch has {} batches; set rnn4j.trainer.batch-size"
                    + " to at least {}", optimizer.name(), batches, data.sequences().size());
        }
        LOG.info("training {} ({} parameters) with {}/{} on {} ({} sequences), {} epochs",
                settings.topology().name(), network.parameters().size(), settings.trainer().name(),
                settings.optimizer().name(), data.name(), data.sequences().size(), settings.epochs());

        EarlyStopping stopping = settings.earlyStopping();
        Parameters best = stopping.enabled() ? network.parameters().copy() : null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        List<EpochRecord> history = new ArrayList<>();
        int first = 1;
        if (resume != null) {
            if (resume.parameters().length != network.parameters().size()) {
                throw new InvalidInputException("the checkpoint holds " + resume.parameters().length
                        + " parameters but this run's network has " + network.parameters().size());
            }
            network.parameters().unflatten(resume.parameters());
            try {
                updater.restore(resume.optimizer());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("the checkpoint's optimizer state does not fit: " + e.getMessage(), e);
            }
            history.addAll(resume.history());
            if (best != null && resume.bestParameters() != null) {
                best.unflatten(resume.bestParameters());
                bestLoss = resume.bestLoss();
                bestEpoch = resume.bestEpoch();
            }
            first = resume.epoch() + 1;
        }
        Checkpoint last = resume != null ? resume : snapshot(0, network, updater, history, best, bestLoss, bestEpoch);
        int every = settings.checkpointEvery();
        String ending = "completed";
        listener.onStart(settings.epochs(), batches);
        long start = System.nanoTime();
        for (int epoch = first; epoch <= settings.epochs(); epoch++) {
            updater.setLearningRateFactor(settings.schedule().factor(epoch));
            int current = epoch;
            double trainLoss = PluginRegistry.inContextOf(trainer,
                    () -> session.runEpoch(current, Seeds.stream(settings.seed(), "epoch", current)));
            if (!Double.isFinite(trainLoss)) {
                String kept = "";
                if (sink != null) {
                    sink.save(last, network);
                    kept = "; the checkpoint of epoch " + last.epoch() + " is kept";
                }
                throw new InvalidInputException("training diverged in epoch " + epoch + " (loss " + trainLoss
                        + "); try a smaller rnn4j.trainer.optimizer.learning-rate or rnn4j.trainer.clip-norm" + kept);
            }
            if (listener.stopRequested()) {
                // The epoch was cut short: the last complete one is what a resumed run starts from.
                ending = "stopped on request in epoch " + epoch;
                if (sink != null) {
                    sink.save(last, network);
                }
                break;
            }
            Evaluation check = validation[1] == null ? null
                    : Evaluator.evaluate(network, loss, validation[1], "validation sequences", normalization);
            double validationLoss = check == null ? Double.NaN : check.lossPerStep();
            Map<String, Double> metrics = check == null ? Map.of() : check.metrics();
            history.add(new EpochRecord(epoch, trainLoss, validationLoss, metrics));
            listener.onEpoch(new EpochEvent(epoch, settings.epochs(), trainLoss, validationLoss, metrics));
            LOG.debug("epoch {}: train loss {}, validation loss {}", epoch, trainLoss, validationLoss);
            boolean stop = false;
            if (stopping.enabled()) {
                if (validationLoss < bestLoss - stopping.minDelta()) {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    best.setFrom(network.parameters());
                } else if (epoch - bestEpoch >= stopping.patience()) {
                    ending = "early stopping after epoch " + epoch + "; kept epoch " + bestEpoch
                            + String.format(java.util.Locale.ROOT, " (validation loss %.5f)", bestLoss);
                    stop = true;
                }
            }
            last = snapshot(epoch, network, updater, history, best, bestLoss, bestEpoch);
            if (sink != null && every > 0 && epoch % every == 0) {
                sink.save(last, network);
            }
            if (!stop && listener.stopRequested()) {
                ending = "stopped on request after epoch " + epoch;
                if (sink != null) {
                    sink.save(last, network);
                }
                stop = true;
            }
            if (stop) {
                break;
            }
        }
        if (stopping.enabled() && bestEpoch > 0) {
            network.parameters().setFrom(best);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        listener.onEnd();
        Evaluation evaluation = test[1] == null
                ? Evaluator.evaluate(network, loss, validation[0], "training sequences", normalization)
                : Evaluator.evaluate(network, loss, test[1], "held-out sequences", normalization);
        LOG.info("trained in {} ms ({}): loss per step {}", elapsed.toMillis(), ending, evaluation.lossPerStep());
        return new TrainingResult(network, settings, history, evaluation, elapsed, ending, normalization);
    }
}
