package org.rnn4j.example;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnn4j.api.Activation;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * A gated recurrent unit layer (Cho et al. 2014) under an output layer, written with
 * {@code forward} and {@code backward} only: RTRL's Jacobians come from the {@link Network}
 * defaults, derived from {@code backward}. With input x, previous state h':
 *
 * <pre>
 *   z = σ(W_z x + U_z h' + b_z)              update gate
 *   r = σ(W_r x + U_r h' + b_r)              reset gate
 *   n = tanh(W_n x + U_n (r ⊙ h') + b_n)     candidate
 *   h = (1 − z) ⊙ n + z ⊙ h'
 *   y = f_out(W_y h + b_y)
 * </pre>
 *
 * The state is h. Parameters: {@code gru.gates.input} (2H × inputs: z, then r),
 * {@code gru.gates.recurrent} (2H × H), {@code gru.gates.bias}, {@code gru.candidate.input}
 * (H × inputs), {@code gru.candidate.recurrent} (H × H), {@code gru.candidate.bias},
 * {@code output.weights} (outputs × H), {@code output.bias}.
 */
public final class GruNetwork implements Network {

    private final int inputs;
    private final int units;
    private final int outputs;
    private final Activation outputActivation;
    private final Parameters parameters;
    private final DMatrixRMaj gatesInput;
    private final DMatrixRMaj gatesRecurrent;
    private final DMatrixRMaj gatesBias;
    private final DMatrixRMaj candidateInput;
    private final DMatrixRMaj candidateRecurrent;
    private final DMatrixRMaj candidateBias;
    private final DMatrixRMaj outputWeights;
    private final DMatrixRMaj outputBias;

    public GruNetwork(int inputs, int units, int outputs, Activation outputActivation) {
        this.inputs = inputs;
        this.units = units;
        this.outputs = outputs;
        this.outputActivation = outputActivation;
        parameters = Parameters.builder()
                .add("gru.gates.input", 2 * units, inputs)
                .add("gru.gates.recurrent", 2 * units, units)
                .add("gru.gates.bias", 1, 2 * units, false)
                .add("gru.candidate.input", units, inputs)
                .add("gru.candidate.recurrent", units, units)
                .add("gru.candidate.bias", 1, units, false)
                .add("output.weights", outputs, units)
                .add("output.bias", 1, outputs, false)
                .build();
        gatesInput = parameters.get("gru.gates.input");
        gatesRecurrent = parameters.get("gru.gates.recurrent");
        gatesBias = parameters.get("gru.gates.bias");
        candidateInput = parameters.get("gru.candidate.input");
        candidateRecurrent = parameters.get("gru.candidate.recurrent");
        candidateBias = parameters.get("gru.candidate.bias");
        outputWeights = parameters.get("output.weights");
        outputBias = parameters.get("output.bias");
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
        int batch = cache.batch;
        cache.x.setTo(input);
        cache.previous.setTo(previousState);
        // Gates: z and r side by side, B × 2H.
        CommonOps_DDRM.multTransB(input, gatesInput, cache.gates);
        CommonOps_DDRM.multAddTransB(previousState, gatesRecurrent, cache.gates);
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < 2 * units; k++) {
                int i = b * 2 * units + k;
                cache.gates.data[i] = 1 / (1 + Math.exp(-(cache.gates.data[i] + gatesBias.data[k])));
            }
            for (int j = 0; j < units; j++) {
                cache.resetState.data[b * units + j] = gate(cache, b, units + j) * previousState.data[b * units + j];
            }
        }
        CommonOps_DDRM.multTransB(input, candidateInput, cache.candidate);
        CommonOps_DDRM.multAddTransB(cache.resetState, candidateRecurrent, cache.candidate);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < units; j++) {
                int i = b * units + j;
                double n = Math.tanh(cache.candidate.data[i] + candidateBias.data[j]);
                double z = gate(cache, b, j);
                cache.candidate.data[i] = n;
                cache.state.data[i] = (1 - z) * n + z * previousState.data[i];
            }
        }
        CommonOps_DDRM.multTransB(cache.state, outputWeights, cache.preOutput);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                cache.preOutput.data[b * outputs + o] += outputBias.data[o];
            }
        }
        int n = batch * outputs;
        outputActivation.values(cache.preOutput.data, cache.output.data, 0, n);
        outputActivation.derivatives(cache.preOutput.data, cache.output.data, cache.outputSlope.data, 0, n);
    }

    @Override
    public void backward(StepCache stepCache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient, Parameters gradient,
                         DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        Cache cache = (Cache) stepCache;
        int batch = cache.batch;
        // The output layer.
        for (int i = 0; i < batch * outputs; i++) {
            cache.dPreOutput.data[i] = outputGradient.data[i] * cache.outputSlope.data[i];
        }
        CommonOps_DDRM.multAddTransA(cache.dPreOutput, cache.state, gradient.get("output.weights"));
        addColumnSums(cache.dPreOutput, gradient.get("output.bias"));
        cache.dState.setTo(stateGradient);
        CommonOps_DDRM.multAdd(cache.dPreOutput, outputWeights, cache.dState);
        // h = (1 − z) n + z h': into the candidate's and the gates' pre-activations.
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < units; j++) {
                int i = b * units + j;
                double dh = cache.dState.data[i];
                double z = gate(cache, b, j);
                double n = cache.candidate.data[i];
                cache.dCandidate.data[i] = dh * (1 - z) * (1 - n * n);
                cache.dGates.data[b * 2 * units + j] = dh * (cache.previous.data[i] - n) * z * (1 - z);
                previousStateGradient.data[i] = dh * z;
            }
        }
        CommonOps_DDRM.multAddTransA(cache.dCandidate, cache.x, gradient.get("gru.candidate.input"));
        CommonOps_DDRM.multAddTransA(cache.dCandidate, cache.resetState, gradient.get("gru.candidate.recurrent"));
        addColumnSums(cache.dCandidate, gradient.get("gru.candidate.bias"));
        // n's recurrent input is r ⊙ h': into the reset gate and h'.
        CommonOps_DDRM.mult(cache.dCandidate, candidateRecurrent, cache.dResetState);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < units; j++) {
                int i = b * units + j;
                double r = gate(cache, b, units + j);
                cache.dGates.data[b * 2 * units + units + j] = cache.dResetState.data[i] * cache.previous.data[i] * r * (1 - r);
                previousStateGradient.data[i] += cache.dResetState.data[i] * r;
            }
        }
        CommonOps_DDRM.multAddTransA(cache.dGates, cache.x, gradient.get("gru.gates.input"));
        CommonOps_DDRM.multAddTransA(cache.dGates, cache.previous, gradient.get("gru.gates.recurrent"));
        addColumnSums(cache.dGates, gradient.get("gru.gates.bias"));
        CommonOps_DDRM.multAdd(cache.dGates, gatesRecurrent, previousStateGradient);
        if (inputGradient != null) {
            CommonOps_DDRM.mult(cache.dGates, gatesInput, inputGradient);
            CommonOps_DDRM.multAdd(cache.dCandidate, candidateInput, inputGradient);
        }
    }

    private double gate(Cache cache, int row, int column) {
        return cache.gates.data[row * 2 * units + column];
    }

    private static void addColumnSums(DMatrixRMaj rows, DMatrixRMaj sums) {
        for (int b = 0; b < rows.numRows; b++) {
            for (int k = 0; k < rows.numCols; k++) {
                sums.data[k] += rows.data[b * rows.numCols + k];
            }
        }
    }

    /** One step of a batch: its inputs, gates, candidate, state and output, and backward's scratch. */
    private final class Cache implements StepCache {
        final int batch;
        final DMatrixRMaj x;
        final DMatrixRMaj previous;
        final DMatrixRMaj gates;
        final DMatrixRMaj resetState;
        final DMatrixRMaj candidate;
        final DMatrixRMaj state;
        final DMatrixRMaj preOutput;
        final DMatrixRMaj output;
        final DMatrixRMaj outputSlope;
        final DMatrixRMaj dPreOutput;
        final DMatrixRMaj dState;
        final DMatrixRMaj dCandidate;
        final DMatrixRMaj dResetState;
        final DMatrixRMaj dGates;

        Cache(int batch) {
            this.batch = batch;
            x = new DMatrixRMaj(batch, inputs);
            previous = new DMatrixRMaj(batch, units);
            gates = new DMatrixRMaj(batch, 2 * units);
            resetState = new DMatrixRMaj(batch, units);
            candidate = new DMatrixRMaj(batch, units);
            state = new DMatrixRMaj(batch, units);
            preOutput = new DMatrixRMaj(batch, outputs);
            output = new DMatrixRMaj(batch, outputs);
            outputSlope = new DMatrixRMaj(batch, outputs);
            dPreOutput = new DMatrixRMaj(batch, outputs);
            dState = new DMatrixRMaj(batch, units);
            dCandidate = new DMatrixRMaj(batch, units);
            dResetState = new DMatrixRMaj(batch, units);
            dGates = new DMatrixRMaj(batch, 2 * units);
        }

        @Override
        public int batchSize() {
            return batch;
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
