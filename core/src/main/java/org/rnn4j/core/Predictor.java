package org.rnn4j.core;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Plugin;
import org.rnn4j.api.PluginException;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.core.data.Encoding;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.data.Transform;
import org.rnn4j.core.engine.StepPredictor;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * A model run over a stream, one step at a time, its state carried from step to step: made by
 * {@link Model#predictor()} (fixed parameters) or {@link Model#learner()} (learning online from
 * each target given). Values are in the data's own units. Not thread-safe: one stream, one thread.
 *
 * <pre>{@code
 * Predictor predictor = model.learner("rtrl");
 * for (Step step : stream) {
 *     double[] predicted = predictor.predict(step.inputs());
 *     predictor.learn(step.targets());          // null when the step has none
 * }
 * Model updated = predictor.model();
 * }</pre>
 */
public final class Predictor {

    private final Model model;
    private final Network network;
    private final Loss loss;
    private final Normalization normalization;
    private final Transform.Stream transform;
    private final StepPredictor fixed;
    private final OnlineLearner learner;
    private final Plugin driver;
    private final double[] scaled;
    private final double[] raw;
    private final DMatrixRMaj output;
    private final DMatrixRMaj work;
    private long steps;
    private long updates;

    private Predictor(Model model, Network network, Loss loss, Encoding encoding, OnlineLearner learner,
                      Plugin driver) {
        this.model = model;
        this.network = network;
        this.loss = loss;
        this.normalization = encoding.normalization();
        this.transform = encoding.transform().stream(model.inputNames(), "");
        this.learner = learner;
        this.driver = driver;
        this.fixed = learner == null ? new StepPredictor(network, loss, encoding, model.inputNames(), 1) : null;
        this.scaled = new double[network.inputSize()];
        this.raw = new double[network.outputSize()];
        this.output = new DMatrixRMaj(1, network.outputSize());
        this.work = new DMatrixRMaj(1, network.outputSize());
    }

    /** A predictor of {@code topology}'s network, which its faults are blamed on. */
    static Predictor fixed(Model model, Network network, Loss loss, Encoding encoding, Plugin topology) {
        return new Predictor(model, network, loss, encoding, null, topology);
    }

    /** A predictor learning through {@code trainer}'s learner, which its faults are blamed on. */
    static Predictor learning(Model model, Network network, Loss loss, Encoding encoding, OnlineLearner learner,
                              Plugin trainer) {
        return new Predictor(model, network, loss, encoding, learner, trainer);
    }

    /** A plugin's fault as a {@link PluginException} naming it; a user's error as it is. */
    private RuntimeException fault(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof PluginException ? e
                : new PluginException(PluginRegistry.describe(driver) + " failed: " + e, e);
    }

    /** Whether {@link #learn} updates the parameters. */
    public boolean learns() {
        return learner != null;
    }

    /** The next step's prediction for {@code input} (length {@link Model#inputSize()}). */
    public double[] predict(double[] input) {
        if (input.length != network.inputSize()) {
            throw new InvalidInputException(input.length + " inputs; the model takes " + network.inputSize());
        }
        double[] prediction = new double[network.outputSize()];
        steps++;
        try {
            if (learner == null) {
                fixed.step(input, prediction);
                return prediction;
            }
            System.arraycopy(input, 0, scaled, 0, scaled.length);
            transform.input(scaled);
            if (normalization != null) {
                normalization.normalizeInput(scaled);
            }
            learner.predict(scaled, raw);
            System.arraycopy(raw, 0, output.data, 0, raw.length);
            StepPredictor.predict(loss, normalization, output, 0, work, prediction, 0);
            transform.restore(prediction);
            return prediction;
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    /**
     * Ends the step last predicted with its {@code target} (length {@link Model#outputSize()}, in
     * the data's units; null when the step has none): a learning predictor updates the parameters
     * from it at once; a fixed one ignores it.
     */
    public void learn(double[] target) {
        if (learner == null) {
            return;
        }
        if (target == null) {
            try {
                learner.learn(null);
            } catch (RuntimeException e) {
                throw fault(e);
            }
            return;
        }
        if (target.length != network.outputSize()) {
            throw new InvalidInputException(target.length + " targets; the model predicts " + network.outputSize());
        }
        double[] values = target.clone();
        boolean defined = transform.target(values); // false while a differenced series has too little history
        if (defined && normalization != null) {
            normalization.normalizeTarget(values);
        }
        try {
            learner.learn(defined ? values : null);
        } catch (RuntimeException e) {
            throw fault(e);
        }
        if (defined) {
            updates++;
        }
    }

    /** Starts a new sequence: the initial state again. */
    public void reset() {
        try {
            if (learner == null) {
                fixed.reset();
            } else {
                transform.reset();
                learner.reset();
            }
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    /** How many parameter updates learning has made. */
    public long updates() {
        return updates;
    }

    /** The model as it is now: with what was learned online (noted in its training summary), or the same model. */
    public Model model() {
        if (learner == null || updates == 0) {
            return model;
        }
        return model.withParameters(network, driver.name() + " online: " + updates + " updates over " + steps + " steps");
    }
}
