package org.rnn4j.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Encoding;
import org.rnn4j.core.engine.Evaluator;
import org.rnn4j.core.engine.StepPredictor;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;
import org.rnn4j.core.model.SavedModels;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * A trained network with everything needed to use it: its configuration, the data scaling it was
 * trained with, the names of its inputs and targets, and its provenance. Loading a model file
 * ({@link Rnn4j#load}) gives one; so does training ({@link TrainingRun#model()}).
 *
 * <p>A model is immutable and safe to share between threads: each prediction runs on a network of
 * its own. Inputs and predictions are in the data's own units — the model scales inputs and
 * unscales predictions itself.
 *
 * <pre>{@code
 * double[][] predicted = model.predict(new double[][] {{0}, {1}, {1}});   // steps × inputs → steps × outputs
 * Predictor stream = model.learner("rtrl");                               // one step at a time, learning online
 * double[] next = stream.predict(new double[] {0});
 * stream.learn(new double[] {1});
 * }</pre>
 */
public final class Model {

    /** The most steps {@link #forecast} and {@link #evaluateHorizon} look ahead. */
    public static final int MAX_HORIZON = RunSettings.MAX_HORIZON;

    private final SavedModel saved;
    private final RunSettings settings;
    private final Config reference;
    private final PluginRegistry plugins;
    private final String origin;

    private Model(SavedModel saved, RunSettings settings, Config reference, PluginRegistry plugins, String origin) {
        this.saved = saved;
        this.settings = settings;
        this.reference = reference;
        this.plugins = plugins;
        this.origin = origin;
        network(); // a model that cannot build its network is refused when made, not when used
        if (!plugins.has(PluginKind.LOSS, settings.loss())) {
            throw new InvalidInputException(origin + ": " + plugins.unknown(PluginKind.LOSS, settings.loss()));
        }
        if (!settings.transform().isIdentity() && !forecastsSeries()) {
            throw new InvalidInputException(origin + ": rnn4j.data.transform applies to a series whose targets are its"
                    + " inputs' next values, which this model's data are not: "
                    + new TrainingEngine(plugins).notForecastable(settings, inputSize(), outputSize()));
        }
    }

    /** How its inputs are encoded for the network and its predictions decoded: the run's transform, then its scaling. */
    private Encoding encoding() {
        return new Encoding(settings.transform(), saved.normalization());
    }

    static Model load(Path file, Config reference, PluginRegistry plugins) {
        String origin = file.toString();
        SavedModel saved = ModelFile.read(file, declared -> SavedModels.requireFits(declared, reference, plugins, origin));
        return new Model(saved, SavedModels.settings(saved.config(), reference, origin), reference, plugins, origin);
    }

    static Model trained(TrainingResult result, Config effective, Config reference, PluginRegistry plugins) {
        String ending = result.outcome().describe();
        double lastLoss = result.history().isEmpty() ? Double.NaN
                : result.history().get(result.history().size() - 1).trainLoss();
        SavedModel saved = SavedModels.model(result.network().parameters(), result.settings(), effective, plugins,
                SavedModels.training(result.history().size(), ending, lastLoss, result.evaluation()), result.normalization(),
                result.data().inputNames(), result.data().targetNames());
        return new Model(saved, result.settings(), reference, plugins, "the trained model");
    }

    /** Inputs per step. */
    public int inputSize() {
        return saved.inputSize();
    }

    /** Outputs (predicted targets) per step. */
    public int outputSize() {
        return saved.outputSize();
    }

    /** The names of the inputs, in order (the CSV columns it was trained on, or {@code input_1 …}). */
    public List<String> inputNames() {
        return saved.inputNames();
    }

    /** The names of the targets, in order. */
    public List<String> targetNames() {
        return saved.targetNames();
    }

    /** The effective configuration it was trained with ({@code rnn4j.…}). */
    public Config config() {
        return saved.config();
    }

    /** Its topology's name. */
    public String topology() {
        return saved.topology();
    }

    /** The trainer it was trained with. */
    public String trainer() {
        return settings.trainer().name();
    }

    /** Whether the trainer it was trained with can learn online ({@link #learner()}). */
    public boolean trainerLearnsOnline() {
        return plugins.has(PluginKind.TRAINER, trainer()) && plugins.get(PluginKind.TRAINER, trainer()).learnsOnline();
    }

    /** The optimizer it was trained with. */
    public String optimizer() {
        return settings.optimizer().name();
    }

    /** The loss it was trained with. */
    public String loss() {
        return settings.loss();
    }

    /** The data set it was trained on ({@value InMemoryData#TYPE} for data given in memory). */
    public String data() {
        return settings.data().name();
    }

    /** How many parameters. */
    public int parameterCount() {
        return saved.flatParameters().length;
    }

    /** The parameters θ, flat, in block order (a copy). */
    public double[] parameters() {
        return saved.flatParameters();
    }

    /** A working network with this model's parameters: a new one on each call, the caller's to change. */
    public Network network() {
        return SavedModels.network(saved, settings, plugins, origin);
    }

    /**
     * The predictions for one sequence, from its start.
     *
     * @param inputs steps × {@link #inputSize()}, in the data's own units
     * @return steps × {@link #outputSize()}
     */
    public double[][] predict(double[][] inputs) {
        return predict(List.<double[][]>of(inputs)).get(0);
    }

    /** The predictions for each of {@code sequences} (each steps × inputs), computed together in batches. */
    public List<double[][]> predict(List<double[][]> sequences) {
        if (sequences.isEmpty()) {
            throw new InvalidInputException("no sequence to predict");
        }
        List<Sequence> list = new ArrayList<>();
        for (double[][] inputs : sequences) {
            if (inputs == null || inputs.length == 0) {
                throw new InvalidInputException("sequence " + (list.size() + 1) + " has no steps");
            }
            list.add(new Sequence(matrix(inputs, inputSize(), "inputs"), new DMatrixRMaj(inputs.length, outputSize()),
                    new boolean[inputs.length]));
        }
        DataSet data = new DataSet("predict", inputSize(), outputSize(), list, List.of(), inputNames(), targetNames());
        List<double[][]> predictions = new ArrayList<>();
        Network network = network();
        for (DMatrixRMaj prediction : PluginRegistry.call(topologyPlugin(),
                () -> Evaluator.predict(network, lossPlugin(), data, encoding(), TrainingEngine.threads(settings)))) {
            double[][] rows = new double[prediction.numRows][];
            for (int t = 0; t < rows.length; t++) {
                rows[t] = java.util.Arrays.copyOfRange(prediction.data, t * prediction.numCols, (t + 1) * prediction.numCols);
            }
            predictions.add(rows);
        }
        return predictions;
    }

    /**
     * Continues a series past its last step: a fresh predictor is warmed on {@code history}, its
     * prediction for the step after is fed back as that step's input, and so on, {@code horizon}
     * times. For a model of a series whose targets are its inputs' next values ({@code csv} with
     * {@code forecast = true}, {@code airline-passengers}, {@code sine}, or data held out by time).
     *
     * @param history steps × {@link #inputSize()}, the series up to now, in the data's own units
     * @return horizon × {@link #outputSize()}: the forecasts for the next {@code horizon} steps
     * @throws InvalidInputException when the model is not of such a series, or the arguments are bad
     */
    public double[][] forecast(double[][] history, int horizon) {
        requireSeries();
        if (horizon < 1 || horizon > RunSettings.MAX_HORIZON) {
            throw new InvalidInputException("horizon: expected a number of steps in [1, " + RunSettings.MAX_HORIZON
                    + "], got " + horizon);
        }
        if (history == null || history.length == 0) {
            throw new InvalidInputException("no history to forecast from: give at least one step");
        }
        for (int t = 0; t < history.length; t++) {
            if (history[t] == null || history[t].length != inputSize()) {
                throw new InvalidInputException("history step " + (t + 1) + ": expected " + inputSize() + " inputs, got "
                        + (history[t] == null ? "none" : history[t].length));
            }
        }
        int needed = settings.transform().order();
        if (history.length < needed) {
            throw new InvalidInputException("a history of " + history.length + " steps; the model differences its series"
                    + " at lags summing to " + needed + " (rnn4j.data.transform) and needs at least " + needed);
        }
        StepPredictor predictor = new StepPredictor(network(), lossPlugin(), encoding(), saved.inputNames(), 1);
        return PluginRegistry.call(topologyPlugin(), () -> predictor.forecast(history, horizon));
    }

    /**
     * Whether this model is of a series whose targets are its inputs' next values — held out by
     * time, as many outputs as inputs — so that {@link #forecast} and {@link #evaluateHorizon} apply.
     */
    public boolean forecastsSeries() {
        return new TrainingEngine(plugins).notForecastable(settings, inputSize(), outputSize()) == null;
    }

    /** The season in steps of the series this model was trained on (its data set's {@code season}), 0 for none. */
    public int season() {
        return settings.split().season();
    }

    /** The lead times its run scores forecasts at ({@code rnn4j.data.horizon}), 0 for none. */
    public int horizon() {
        return settings.split().horizon();
    }

    /**
     * Refuses a model whose predictions cannot be fed back as its next inputs ({@link #forecastsSeries}).
     *
     * @throws InvalidInputException naming the model and saying why
     */
    public void requireSeries() {
        String reason = new TrainingEngine(plugins).notForecastable(settings, inputSize(), outputSize());
        if (reason != null) {
            throw new InvalidInputException(origin + ": cannot forecast: " + reason);
        }
    }

    /** A stateful predictor for a stream, one step at a time, that does not learn. */
    public Predictor predictor() {
        return Predictor.fixed(this, network(), lossPlugin(), encoding(), topologyPlugin());
    }

    /**
     * A stateful predictor that also learns online from each target given, through the trainer
     * this model was trained with and its settings.
     *
     * @throws InvalidInputException when that trainer cannot learn online (BPTT needs whole
     *         sequences): name one that can with {@link #learner(String)}
     */
    public Predictor learner() {
        return learner(trainer());
    }

    /**
     * A stateful predictor that learns online through the trainer {@code trainerName}
     * ({@code rtrl}, say), with this model's trainer settings over that trainer's defaults and
     * this model's optimizer, clipping and weight decay.
     */
    public Predictor learner(String trainerName) {
        Trainer trainer = plugins.get(PluginKind.TRAINER, trainerName);
        if (!trainer.learnsOnline()) {
            String online = String.join(", ", plugins.all(PluginKind.TRAINER).values().stream()
                    .filter(Trainer::learnsOnline).map(Trainer::name).toList());
            throw new InvalidInputException("the trainer '" + trainerName + "' cannot learn online, one step at a time;"
                    + " trainers that can: " + (online.isEmpty() ? "none installed" : online));
        }
        Config config = saved.config().withValue("rnn4j.trainer.type", ConfigValueFactory.fromAnyRef(trainerName));
        RunSettings online = SavedModels.settings(config, reference, origin);
        Network network = network();
        Loss loss = lossPlugin();
        ParameterUpdater updater = new TrainingEngine(plugins).updater(online, network);
        OnlineLearner learner = PluginRegistry.call(trainer,
                () -> trainer.online(online.trainer().settings(), network, loss, updater));
        return Predictor.learning(this, network, loss, encoding(), learner, trainer);
    }

    /**
     * Loss and task metrics on the held-out sequences of the data it was trained on (the same
     * sequences its run held out), or on all of them when none were held out.
     *
     * @throws InvalidInputException for a model trained on data given in memory: use {@link #evaluate(DataSet)}
     */
    public Evaluation evaluate() {
        if (InMemoryData.TYPE.equals(data())) {
            throw new InvalidInputException(origin + ": was trained on data given in memory; evaluate it with evaluate(DataSet)");
        }
        return new TrainingEngine(plugins).evaluateHeldOut(settings, network(), encoding());
    }

    /**
     * Forecasts 1…{@code horizon} steps ahead, each made from the model's own predictions (as
     * {@link #forecast} makes them) from every origin in the held-out period of the series it was
     * trained on, scored per lead time beside persistence and seasonal naive from the same origins.
     *
     * @return element h − 1 for lead time h: {@code forecasts} (how many were scored), {@code rmse},
     *         {@code mae}, and per baseline its {@code -rmse}, {@code -mae} and {@code skill-vs-}
     * @throws InvalidInputException for a model not of a series held out by time, or of data given in memory
     */
    public List<Map<String, Double>> evaluateHorizon(int horizon) {
        if (InMemoryData.TYPE.equals(data())) {
            throw new InvalidInputException(origin + ": was trained on data given in memory; forecast it with forecast()");
        }
        requireSeries();
        return new TrainingEngine(plugins).evaluateHorizon(settings, network(), encoding(), saved.inputNames(),
                horizon);
    }

    /** Loss and task metrics on every sequence of {@code data}. */
    public Evaluation evaluate(DataSet data) {
        return evaluate(data, "sequences");
    }

    private Evaluation evaluate(DataSet data, String name) {
        if (data.inputSize() != inputSize() || data.outputSize() != outputSize()) {
            throw new InvalidInputException("data set '" + data.name() + "' is " + data.inputSize() + " inputs → "
                    + data.outputSize() + " outputs but the model is " + inputSize() + " → " + outputSize());
        }
        Network network = network();
        return PluginRegistry.call(topologyPlugin(), () -> Evaluator.evaluate(network, lossPlugin(), data, name,
                encoding(), TrainingEngine.threads(settings)));
    }

    /**
     * Writes this model to {@code file} atomically.
     *
     * @throws InvalidInputException naming the file when it cannot be written
     */
    public void save(Path file) {
        OutputFiles.write(file, ModelFile.bytes(saved));
    }

    /** This model with other parameters (learned online), noting {@code note} in its training summary. */
    Model withParameters(Network network, String note) {
        return new Model(SavedModels.updated(saved, network.parameters(), note), settings, reference, plugins, origin);
    }

    private org.rnn4j.api.Topology topologyPlugin() {
        return plugins.get(PluginKind.TOPOLOGY, saved.topology());
    }

    private Loss lossPlugin() {
        return plugins.get(PluginKind.LOSS, settings.loss());
    }

    private static DMatrixRMaj matrix(double[][] rows, int width, String what) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows.length, width);
        for (int t = 0; t < rows.length; t++) {
            if (rows[t] == null || rows[t].length != width) {
                throw new InvalidInputException(what + " step " + (t + 1) + " has " + (rows[t] == null ? "no" : rows[t].length)
                        + " values; the model takes " + width);
            }
            System.arraycopy(rows[t], 0, matrix.data, t * width, width);
        }
        return matrix;
    }
}
