package org.rnn4j.core.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.core.data.Encoding;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.data.Transform;

/**
 * Prediction, the one place it is written: a network run forward step by step over a batch of
 * rows, its state carried, each step's outputs turned into predictions in the data's own units
 * (the loss's prediction — a probability, a class distribution — then the scaling undone, then
 * the transform: the steps given one at a time are remembered for it).
 * Evaluation, a model's predictions and stateful predictors all go through it.
 */
public final class StepPredictor {

    private final Network network;
    private final Loss loss;
    private final Normalization normalization;
    private final Transform.Stream transform;
    private final StepCache[] caches;
    private final DMatrixRMaj state;
    private final DMatrixRMaj input;
    private final DMatrixRMaj prediction;
    private int step;

    /** For batches of {@code rows} sequences whose inputs are called {@code names} (for errors). */
    public StepPredictor(Network network, Loss loss, Encoding encoding, List<String> names, int rows) {
        this.network = network;
        this.loss = loss;
        this.normalization = encoding.normalization();
        this.transform = encoding.transform().stream(names, "");
        this.caches = new StepCache[] {network.newStepCache(rows), network.newStepCache(rows)};
        this.state = new DMatrixRMaj(rows, network.stateSize());
        this.input = new DMatrixRMaj(rows, network.inputSize());
        this.prediction = new DMatrixRMaj(rows, network.outputSize());
        reset();
    }

    /** The initial state again: the next step starts new sequences. */
    public void reset() {
        network.initialState(state);
        transform.reset();
    }

    /** One step on inputs already encoded as the network was trained (rows × inputs); returns its cache. */
    public StepCache forward(DMatrixRMaj scaledInput) {
        StepCache cache = caches[step++ % 2];
        network.forward(state, scaledInput, cache);
        state.setTo(cache.state());
        return cache;
    }

    /** One step of one row on inputs in the data's own units; writes the prediction into {@code out}. */
    public void step(double[] rawInput, double[] out) {
        System.arraycopy(rawInput, 0, input.data, 0, network.inputSize());
        transform.input(input.data);
        if (normalization != null) {
            normalization.normalizeInput(input.data);
        }
        StepCache cache = forward(input);
        predict(loss, normalization, cache.output(), 0, prediction, out, 0);
        transform.restore(out);
    }

    /**
     * Continues a series (one row): the state is warmed from the start on {@code history} (steps ×
     * inputs, in the data's units), then each prediction is fed back as the next step's input.
     *
     * @return horizon × outputs, the predictions for the {@code horizon} steps after the history
     */
    public double[][] forecast(double[][] history, int horizon) {
        reset();
        double[] next = new double[network.outputSize()];
        for (double[] step : history) {
            step(step, next);
        }
        double[][] forecasts = new double[horizon][];
        for (int h = 0; h < horizon; h++) {
            forecasts[h] = next.clone();
            if (h + 1 < horizon) {
                step(forecasts[h], next);
            }
        }
        return forecasts;
    }

    /**
     * Row {@code row} of a step's network {@code output} as a prediction, unscaled (but still
     * transformed), into
     * {@code out} from {@code offset}; {@code work} is a scratch matrix shaped like {@code output}.
     */
    public static void predict(Loss loss, Normalization normalization, DMatrixRMaj output, int row, DMatrixRMaj work,
                               double[] out, int offset) {
        loss.predict(output, row, work);
        int width = output.numCols;
        System.arraycopy(work.data, row * width, out, offset, width);
        if (normalization != null) {
            normalization.denormalizeOutput(out, offset);
        }
    }
}
