package org.rnn4j.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/**
 * A series as the network sees it before scaling ({@code rnn4j.data.transform}): the log of every
 * value when {@code log}, then differenced at each lag — lag 1 takes out a trend, a season's lag
 * the seasonal pattern, both (1 − B)(1 − B¹²) as in Box and Jenkins' airline model. It holds no
 * fitted values, so the model's stored configuration carries it, and it is undone on every
 * prediction.
 *
 * <p>For a series whose targets are its inputs' next values, column by column. With z = log x (or
 * x) and the differencing polynomial Π(1 − B^lag) = Σ c_j B^j (c_0 = 1, order D = Σ lags), the
 * network's input at step t is Σ_j c_j z_{t−j}, and its target the same at step t + 1 with the
 * target in place of z_{t+1}; a prediction p is turned back into p − Σ_{j≥1} c_j z_{t+1−j}, then
 * exp. The first D steps have no difference: their inputs are 0 (no change) and the first D − 1
 * have no target and no prediction (NaN).
 *
 * @param log  take logs first (the values must be positive)
 * @param lags the lags differenced at, in order; empty for none
 */
public record Transform(boolean log, List<Integer> lags) {

    /** The series as they are. */
    public static final Transform NONE = new Transform(false, List.of());

    /** The largest sum of lags: the steps of history a prediction needs. */
    public static final int MAX_ORDER = 100_000;

    public Transform {
        lags = List.copyOf(lags);
        long order = 0;
        for (int lag : lags) {
            if (lag < 1) {
                throw new IllegalArgumentException("a lag of " + lag + " steps");
            }
            order += lag;
        }
        if (order > MAX_ORDER) {
            throw new IllegalArgumentException("lags summing to " + order + " steps");
        }
    }

    /** Whether it changes nothing. */
    public boolean isIdentity() {
        return !log && lags.isEmpty();
    }

    /** D, the steps of history the differences reach back: the sum of the lags. */
    public int order() {
        return lags.stream().mapToInt(Integer::intValue).sum();
    }

    /** What it does, for reports: "log, differenced at lags 1 and 12". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (log) {
            parts.add("log");
        }
        if (!lags.isEmpty()) {
            parts.add("differenced at lag" + (lags.size() > 1 ? "s " : " ")
                    + String.join(" and ", lags.stream().map(String::valueOf).toList()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The coefficients c_0 … c_D of Π(1 − B^lag). */
    private double[] coefficients() {
        double[] c = {1};
        for (int lag : lags) {
            double[] next = new double[c.length + lag];
            for (int j = 0; j < c.length; j++) {
                next[j] += c[j];
                next[j + lag] -= c[j];
            }
            c = next;
        }
        return c;
    }

    /**
     * {@code data}'s sequences transformed, inputs and targets; the first D − 1 steps lose their
     * target. Refuses values a log cannot take, naming the sequence, step and column.
     */
    public DataSet apply(DataSet data) {
        if (isIdentity()) {
            return data;
        }
        requireSeriesShape(data);
        List<Sequence> sequences = new ArrayList<>();
        for (int s = 0; s < data.sequences().size(); s++) {
            Sequence raw = data.sequences().get(s);
            Stream stream = stream(data.inputNames(), data.sequences().size() > 1 ? "sequence " + (s + 1) + ", " : "");
            DMatrixRMaj inputs = new DMatrixRMaj(raw.length(), data.inputSize());
            DMatrixRMaj targets = new DMatrixRMaj(raw.length(), data.outputSize());
            boolean[] mask = new boolean[raw.length()];
            double[] row = new double[data.inputSize()];
            for (int t = 0; t < raw.length(); t++) {
                copyRow(raw.inputs(), t, row);
                stream.input(row);
                System.arraycopy(row, 0, inputs.data, t * row.length, row.length);
                if (raw.hasTarget(t)) {
                    copyRow(raw.targets(), t, row);
                    mask[t] = stream.target(row);
                    System.arraycopy(row, 0, targets.data, t * row.length, row.length);
                }
            }
            sequences.add(new Sequence(inputs, targets, mask));
        }
        return data.withSequences(sequences);
    }

    /** {@code data} with the targets a prediction cannot be made for (the first D − 1 steps) left out. */
    public DataSet scorable(DataSet data) {
        if (order() <= 1) {
            return data;
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence raw : data.sequences()) {
            boolean[] mask = new boolean[raw.length()];
            for (int t = order() - 1; t < raw.length(); t++) {
                mask[t] = raw.hasTarget(t);
            }
            sequences.add(new Sequence(raw.inputs(), raw.targets(), mask));
        }
        return data.withSequences(sequences);
    }

    /** The transformed {@code data} without its first D steps, whose inputs are not differences: what scaling is fitted on. */
    DataSet defined(DataSet transformed) {
        int from = order();
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : transformed.sequences()) {
            if (sequence.length() > from) {
                int steps = sequence.length() - from;
                DMatrixRMaj inputs = new DMatrixRMaj(steps, sequence.inputs().numCols);
                DMatrixRMaj targets = new DMatrixRMaj(steps, sequence.targets().numCols);
                System.arraycopy(sequence.inputs().data, from * inputs.numCols, inputs.data, 0, inputs.data.length);
                System.arraycopy(sequence.targets().data, from * targets.numCols, targets.data, 0, targets.data.length);
                boolean[] mask = new boolean[steps];
                for (int t = 0; t < steps; t++) {
                    mask[t] = sequence.hasTarget(from + t);
                }
                sequences.add(new Sequence(inputs, targets, mask));
            }
        }
        return transformed.withSequences(sequences);
    }

    /**
     * Turns {@code predictions} (steps × outputs, transformed units) for {@code raw}'s steps back
     * into the data's units, in place: NaN where the history is too short.
     */
    public void restore(Sequence raw, DMatrixRMaj predictions) {
        if (isIdentity()) {
            return;
        }
        Stream stream = stream(DataSet.numbered("input", raw.inputs().numCols), "");
        double[] row = new double[raw.inputs().numCols];
        double[] prediction = new double[predictions.numCols];
        for (int t = 0; t < raw.length(); t++) {
            copyRow(raw.inputs(), t, row);
            stream.input(row);
            copyRow(predictions, t, prediction);
            stream.restore(prediction);
            System.arraycopy(prediction, 0, predictions.data, t * prediction.length, prediction.length);
        }
    }

    /**
     * A transform of one series, step by step: what streams, forecasts and the methods above run.
     *
     * @param names its columns' names, for errors
     * @param label for errors, before "step …": "sequence 2, " or ""
     */
    public Stream stream(List<String> names, String label) {
        return new Stream(names, label);
    }

    private void requireSeriesShape(DataSet data) {
        if (data.inputSize() != data.outputSize()) {
            throw new InvalidInputException("rnn4j.data.transform: " + data.name() + " has " + data.inputSize()
                    + " inputs and " + data.outputSize() + " targets; a transform needs a series whose targets are its"
                    + " inputs' next values");
        }
    }

    private static void copyRow(DMatrixRMaj matrix, int row, double[] into) {
        System.arraycopy(matrix.data, row * matrix.numCols, into, 0, matrix.numCols);
    }

    /**
     * The transform of one series as it arrives: {@link #input} for each step, then {@link #target}
     * or {@link #restore} for that step. Keeps the last D + 1 (logged) inputs; allocates nothing per step.
     */
    public final class Stream {
        private final double[] c = coefficients();
        private final double[][] history;
        private final int width;
        private final List<String> names;
        private final String label;
        private long step;

        private Stream(List<String> names, String label) {
            this.width = names.size();
            this.names = names;
            this.label = label;
            this.history = new double[c.length][width];
        }

        /** A new series: no history. */
        public void reset() {
            step = 0;
        }

        /** z at {@code back} steps before the last input. */
        private double[] back(int back) {
            return history[(int) ((step - 1 - back) % c.length)];
        }

        /** The next input, in place: its transform (0 while the history is shorter than D). */
        public void input(double[] values) {
            double[] z = history[(int) (step % c.length)];
            for (int k = 0; k < width; k++) {
                z[k] = log ? logOf(values[k], k, step + 1, "input") : values[k];
            }
            step++;
            for (int k = 0; k < width; k++) {
                double sum = 0;
                if (step > c.length - 1) {
                    for (int j = 0; j < c.length; j++) {
                        sum += c[j] * back(j)[k];
                    }
                }
                values[k] = sum;
            }
        }

        /** The last input's target, in place, as the network is trained on it; false when it has none (history short). */
        public boolean target(double[] values) {
            boolean defined = step >= c.length - 1;
            for (int k = 0; k < width; k++) {
                double z = log ? logOf(values[k], k, step, "target") : values[k];
                for (int j = 1; j < c.length && defined; j++) {
                    z += c[j] * back(j - 1)[k];
                }
                values[k] = defined ? z : 0;
            }
            return defined;
        }

        /** A prediction for the last input's step, in transformed units, back in the data's units, in place (NaN while the history is short). */
        public void restore(double[] prediction) {
            boolean defined = step >= c.length - 1;
            for (int k = 0; k < width; k++) {
                double z = prediction[k];
                for (int j = 1; j < c.length && defined; j++) {
                    z -= c[j] * back(j - 1)[k];
                }
                prediction[k] = !defined ? Double.NaN : log ? Math.exp(z) : z;
            }
        }

        /** The log of {@code value}, an input or target of column {@code column} at step {@code t} (from 1), refused unless positive. */
        private double logOf(double value, int column, long t, String kind) {
            if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
                throw new InvalidInputException(String.format(Locale.ROOT, "%sstep %d, %s '%s' is %s, but the series is"
                        + " log-transformed (rnn4j.data.transform.log = true): its values must be positive",
                        label, t, kind, names.get(column), value));
            }
            return Math.log(value);
        }
    }
}
