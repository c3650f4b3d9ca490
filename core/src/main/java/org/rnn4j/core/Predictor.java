package org.rnn4j.core;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.engine.StepPredictor;

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
    private final StepPredictor fixed;
    private final OnlineLearner learner;
    private final String trainer;
    private final double[] scaled;
    private final double[] raw;
    private final DMatrixRMaj output;
    private final DMatrixRMaj work;
    private long steps;
    private long updates;

    private Predictor(Model model, Network network, Loss loss, Normalization normalization, OnlineLearner learner,
                      String trainer) {
        this.model = model;
        this.network = network;
        this.loss = loss;
        this.normalization = normalization;
        this.learner = learner;
        this.trainer = trainer;
        this.fixed = learner == null ? new StepPredictor(network, loss, normalization, 1) : null;
        this.scaled = new double[network.inputSize()];
        this.raw = new double[network.outputSize()];
        this.output = new DMatrixRMaj(1, network.outputSize());
        this.work = new DMatrixRMaj(1, network.outputSize());
    }

    static Predictor fixed(Model model, Network network, Loss loss, Normalization normalization) {
        return new Predictor(model, network, loss, normalization, null, null);
    }

    static Predictor learning(Model model, Network network, Loss loss, Normalization normalization, OnlineLearner learner,
                              String trainer) {
        return new Predictor(model, network, loss, normalization, learner, trainer);
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
        if (learner == null) {
            fixed.step(input, prediction);
            return prediction;
        }
        System.arraycopy(input, 0, scaled, 0, scaled.length);
        if (normalization != null) {
            normalization.normalizeInput(scaled);
        }
        learner.predict(scaled, raw);
        System.arraycopy(raw, 0, output.data, 0, raw.length);
        StepPredictor.predict(loss, normalization, output, 0, work, prediction, 0);
        return prediction;
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
            learner.learn(null);
            return;
        }
        if (target.length != network.outputSize()) {
            throw new InvalidInputException(target.length + " targets; the model predicts " + network.outputSize());
        }
        double[] values = target.clone();
        if (normalization != null) {
            normalization.normalizeTarget(values);
        }
        learner.learn(values);
        updates++;
    }

    /** Starts a new sequence: the initial state again. */
    public void reset() {
        if (learner == null) {
            fixed.reset();
        } else {
            learner.reset();
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
        return model.withParameters(network, trainer + " online: " + updates + " updates over " + steps + " steps");
    }
}
