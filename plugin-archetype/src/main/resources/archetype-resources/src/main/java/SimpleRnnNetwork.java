package ${package};

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnn4j.api.Activation;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * A recurrent layer written by hand, with {@code forward} and {@code backward} only — RTRL's
 * Jacobians come from the {@link Network} defaults, derived from {@code backward}:
 *
 * <pre>   h = tanh(W x + U h' + b),   y = f(V h + c)</pre>
 */
public final class SimpleRnnNetwork implements Network {

    private final int inputs;
    private final int units;
    private final int outputs;
    private final Activation outputActivation;
    private final Parameters parameters;

    public SimpleRnnNetwork(int inputs, int units, int outputs, Activation outputActivation) {
        this.inputs = inputs;
        this.units = units;
        this.outputs = outputs;
        this.outputActivation = outputActivation;
        this.parameters = Parameters.builder()
                .add("input->hidden", units, inputs)
                .add("hidden[t-1]->hidden", units, units)
                .add("hidden.bias", 1, units, false)
                .add("hidden->output", outputs, units)
                .add("output.bias", 1, outputs, false)
                .build();
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
    public int stateSize() {
        return units;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public StepCache newStepCache(int batchSize) {
        return new Cache(batchSize);
    }

    @Override
    public void forward(DMatrixRMaj previousState, DMatrixRMaj input, StepCache stepCache) {
        Cache cache = (Cache) stepCache;
        cache.input.setTo(input);
        cache.previous.setTo(previousState);
        CommonOps_DDRM.multTransB(input, parameters.get("input->hidden"), cache.state);
        CommonOps_DDRM.multAddTransB(previousState, parameters.get("hidden[t-1]->hidden"), cache.state);
        addRow(cache.state, parameters.get("hidden.bias"));
        for (int i = 0; i < cache.state.data.length; i++) {
            cache.state.data[i] = Math.tanh(cache.state.data[i]);
        }
        CommonOps_DDRM.multTransB(cache.state, parameters.get("hidden->output"), cache.net);
        addRow(cache.net, parameters.get("output.bias"));
        int n = cache.net.data.length;
        outputActivation.values(cache.net.data, cache.output.data, 0, n);
        outputActivation.derivatives(cache.net.data, cache.output.data, cache.slope.data, 0, n);
    }

    @Override
    public void backward(StepCache stepCache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient, Parameters gradient,
                         DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        Cache cache = (Cache) stepCache;
        DMatrixRMaj dNet = new DMatrixRMaj(cache.net.numRows, outputs);
        for (int i = 0; i < dNet.data.length; i++) {
            dNet.data[i] = outputGradient.data[i] * cache.slope.data[i];
        }
        CommonOps_DDRM.multAddTransA(dNet, cache.state, gradient.get("hidden->output"));
        addColumnSums(dNet, gradient.get("output.bias"));
        DMatrixRMaj dHidden = stateGradient.copy();
        CommonOps_DDRM.multAdd(dNet, parameters.get("hidden->output"), dHidden);
        for (int i = 0; i < dHidden.data.length; i++) {
            double h = cache.state.data[i];
            dHidden.data[i] *= 1 - h * h;
        }
        CommonOps_DDRM.multAddTransA(dHidden, cache.input, gradient.get("input->hidden"));
        CommonOps_DDRM.multAddTransA(dHidden, cache.previous, gradient.get("hidden[t-1]->hidden"));
        addColumnSums(dHidden, gradient.get("hidden.bias"));
        CommonOps_DDRM.mult(dHidden, parameters.get("hidden[t-1]->hidden"), previousStateGradient);
        if (inputGradient != null) {
            CommonOps_DDRM.mult(dHidden, parameters.get("input->hidden"), inputGradient);
        }
    }

    private static void addRow(DMatrixRMaj rows, DMatrixRMaj row) {
        for (int b = 0; b < rows.numRows; b++) {
            for (int k = 0; k < rows.numCols; k++) {
                rows.data[b * rows.numCols + k] += row.data[k];
            }
        }
    }

    private static void addColumnSums(DMatrixRMaj rows, DMatrixRMaj sums) {
        for (int b = 0; b < rows.numRows; b++) {
            for (int k = 0; k < rows.numCols; k++) {
                sums.data[k] += rows.data[b * rows.numCols + k];
            }
        }
    }

    /** One step of a batch: what backward needs. */
    private final class Cache implements StepCache {
        final DMatrixRMaj input;
        final DMatrixRMaj previous;
        final DMatrixRMaj state;
        final DMatrixRMaj net;
        final DMatrixRMaj output;
        final DMatrixRMaj slope;

        Cache(int batch) {
            input = new DMatrixRMaj(batch, inputs);
            previous = new DMatrixRMaj(batch, units);
            state = new DMatrixRMaj(batch, units);
            net = new DMatrixRMaj(batch, outputs);
            output = new DMatrixRMaj(batch, outputs);
            slope = new DMatrixRMaj(batch, outputs);
        }

        @Override
        public int batchSize() {
            return state.numRows;
        }

        @Override
        public DMatrixRMaj state() {
            return state;
        }

        @Override
        public DMatrixRMaj output() {
            return output;
        }
    }
}
