package org.rnn4j.example;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnn4j.api.Activation;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * A stack of LSTM layers (Hochreiter and Schmidhuber 1997, with the forget gate of Gers et al.
 * 2000 and optional peepholes) under an output layer — a gated cell the layer-graph kit cannot
 * express, so it implements the {@link Network} contract by hand. Per layer, with input u (x_t, or
 * the layer below's h_t), previous h and c:
 *
 * <pre>
 *   i = σ(W_i u + U_i h' + p_i ⊙ c' + b_i)      input gate
 *   f = σ(W_f u + U_f h' + p_f ⊙ c' + b_f)      forget gate
 *   g = tanh(W_g u + U_g h' + b_g)               cell input
 *   c = f ⊙ c' + i ⊙ g                           cell state
 *   o = σ(W_o u + U_o h' + p_o ⊙ c + b_o)       output gate
 *   h = o ⊙ tanh(c)
 *   y = f_out(W_y h_top + b_y)
 * </pre>
 *
 * The state is [h_1, c_1, h_2, c_2, …]. Parameters per layer: {@code layerL.input} (4H × inputs,
 * gates in the order i, f, g, o), {@code layerL.recurrent} (4H × H), {@code layerL.bias} (1 × 4H),
 * {@code layerL.peephole} (1 × 3H: p_i, p_f, p_o; only with peepholes); then {@code output.weights}
 * (outputs × H) and {@code output.bias}.
 */
public final class LstmNetwork implements Network {

    private final int inputs;
    private final int outputs;
    private final int[] size;
    private final int[] stateOffset;
    private final int stateSize;
    private final boolean peepholes;
    private final Activation outputActivation;
    private final Parameters parameters;
    private final DMatrixRMaj[] input;
    private final DMatrixRMaj[] recurrent;
    private final DMatrixRMaj[] bias;
    private final DMatrixRMaj[] peephole;
    private final int[] inputBlock;
    private final int[] recurrentBlock;
    private final int[] biasBlock;
    private final int[] peepholeBlock;
    private final DMatrixRMaj outputWeights;
    private final DMatrixRMaj outputBias;
    private final int outputWeightsBlock;
    private final int outputBiasBlock;

    /**
     * @param inputs           x_t's width
     * @param hidden           units per layer, input side first
     * @param outputs          y_t's width
     * @param peepholes        whether the gates see the cell state
     * @param outputActivation the output layer's activation
     */
    public LstmNetwork(int inputs, int[] hidden, int outputs, boolean peepholes, Activation outputActivation) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.size = hidden.clone();
        this.peepholes = peepholes;
        this.outputActivation = outputActivation;
        int layers = hidden.length;
        stateOffset = new int[layers];
        int offset = 0;
        Parameters.Builder layout = Parameters.builder();
        for (int l = 0; l < layers; l++) {
            stateOffset[l] = offset;
            offset += 2 * hidden[l];
            int below = l == 0 ? inputs : hidden[l - 1];
            layout.add(name(l, "input"), 4 * hidden[l], below);
            layout.add(name(l, "recurrent"), 4 * hidden[l], hidden[l]);
            layout.add(name(l, "bias"), 1, 4 * hidden[l], false);
            if (peepholes) {
                layout.add(name(l, "peephole"), 1, 3 * hidden[l]);
            }
        }
        stateSize = offset;
        layout.add("output.weights", outputs, hidden[layers - 1]);
        layout.add("output.bias", 1, outputs, false);
        parameters = layout.build();
        input = new DMatrixRMaj[layers];
        recurrent = new DMatrixRMaj[layers];
        bias = new DMatrixRMaj[layers];
        peephole = new DMatrixRMaj[layers];
        inputBlock = new int[layers];
        recurrentBlock = new int[layers];
        biasBlock = new int[layers];
        peepholeBlock = new int[layers];
        for (int l = 0; l < layers; l++) {
            input[l] = parameters.get(name(l, "input"));
            recurrent[l] = parameters.get(name(l, "recurrent"));
            bias[l] = parameters.get(name(l, "bias"));
            inputBlock[l] = index(name(l, "input"));
            recurrentBlock[l] = index(name(l, "recurrent"));
            biasBlock[l] = index(name(l, "bias"));
            if (peepholes) {
                peephole[l] = parameters.get(name(l, "peephole"));
                peepholeBlock[l] = index(name(l, "peephole"));
            }
        }
        outputWeights = parameters.get("output.weights");
        outputBias = parameters.get("output.bias");
        outputWeightsBlock = index("output.weights");
        outputBiasBlock = index("output.bias");
    }

    private static String name(int layer, String part) {
        return "layer" + (layer + 1) + "." + part;
    }

    private int index(String name) {
        return parameters.blocks().indexOf(parameters.block(name));
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
        return stateSize;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public StepCache newStepCache(int batchSize) {
        return new Cache(batchSize);
    }

    /** The peephole weight of gate {@code gate} (0: i, 1: f, 2: o) for unit {@code r} of layer {@code l}, 0 without peepholes. */
    private double peep(int l, int gate, int r) {
        return peepholes ? peephole[l].data[gate * size[l] + r] : 0;
    }

    @Override
    public void forward(DMatrixRMaj previousState, DMatrixRMaj x, StepCache stepCache) {
        Cache cache = (Cache) stepCache;
        int batch = cache.batch;
        check(x, batch, inputs, "input");
        check(previousState, batch, stateSize, "previous state");
        cache.x.setTo(x);
        for (int l = 0; l < size.length; l++) {
            int h = size[l];
            Layer layer = cache.layers[l];
            DMatrixRMaj below = l == 0 ? cache.x : cache.layers[l - 1].h;
            layer.in.setTo(below);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(previousState.data, b * stateSize + stateOffset[l], layer.hp.data, b * h, h);
                System.arraycopy(previousState.data, b * stateSize + stateOffset[l] + h, layer.cp.data, b * h, h);
                System.arraycopy(bias[l].data, 0, layer.z.data, b * 4 * h, 4 * h);
            }
            CommonOps_DDRM.multAddTransB(layer.in, input[l], layer.z);
            CommonOps_DDRM.multAddTransB(layer.hp, recurrent[l], layer.z);
            for (int b = 0; b < batch; b++) {
                int z = b * 4 * h;
                int u = b * h;
                for (int r = 0; r < h; r++) {
                    double cp = layer.cp.data[u + r];
                    double i = sigmoid(layer.z.data[z + r] + peep(l, 0, r) * cp);
                    double f = sigmoid(layer.z.data[z + h + r] + peep(l, 1, r) * cp);
                    double g = Math.tanh(layer.z.data[z + 2 * h + r]);
                    double c = f * cp + i * g;
                    double o = sigmoid(layer.z.data[z + 3 * h + r] + peep(l, 2, r) * c);
                    double tc = Math.tanh(c);
                    layer.i.data[u + r] = i;
                    layer.f.data[u + r] = f;
                    layer.g.data[u + r] = g;
                    layer.o.data[u + r] = o;
                    layer.c.data[u + r] = c;
                    layer.tc.data[u + r] = tc;
                    layer.h.data[u + r] = o * tc;
                    cache.state.data[b * stateSize + stateOffset[l] + r] = o * tc;
                    cache.state.data[b * stateSize + stateOffset[l] + h + r] = c;
                }
            }
        }
        Layer top = cache.layers[size.length - 1];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(outputBias.data, 0, cache.zy.data, b * outputs, outputs);
        }
        CommonOps_DDRM.multAddTransB(top.h, outputWeights, cache.zy);
        int n = batch * outputs;
        outputActivation.values(cache.zy.data, cache.y.data, 0, n);
        outputActivation.derivatives(cache.zy.data, cache.y.data, cache.ySlope.data, 0, n);
    }

    @Override
    public void backward(StepCache stepCache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient, Parameters gradient,
                         DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        Cache cache = (Cache) stepCache;
        int batch = cache.batch;
        check(outputGradient, batch, outputs, "output gradient");
        check(stateGradient, batch, stateSize, "state gradient");
        check(previousStateGradient, batch, stateSize, "previous state gradient");
        var blocks = gradient.blocks();
        CommonOps_DDRM.elementMult(outputGradient, cache.ySlope, cache.dzy);
        CommonOps_DDRM.multAddTransA(cache.dzy, cache.layers[size.length - 1].h, blocks.get(outputWeightsBlock).value());
        addColumnSums(cache.dzy, blocks.get(outputBiasBlock).value().data);
        DMatrixRMaj dh = cache.layers[size.length - 1].dh;
        CommonOps_DDRM.mult(cache.dzy, outputWeights, dh);
        for (int l = size.length - 1; l >= 0; l--) {
            int h = size[l];
            Layer layer = cache.layers[l];
            double[] peepGradient = peepholes ? blocks.get(peepholeBlock[l]).value().data : null;
            for (int b = 0; b < batch; b++) {
                int u = b * h;
                int z = b * 4 * h;
                int s = b * stateSize + stateOffset[l];
                for (int r = 0; r < h; r++) {
                    double dhr = layer.dh.data[u + r] + stateGradient.data[s + r];
                    double i = layer.i.data[u + r];
                    double f = layer.f.data[u + r];
                    double g = layer.g.data[u + r];
                    double o = layer.o.data[u + r];
                    double tc = layer.tc.data[u + r];
                    double cp = layer.cp.data[u + r];
                    double dzo = dhr * tc * o * (1 - o);
                    double dc = dhr * o * (1 - tc * tc) + stateGradient.data[s + h + r] + dzo * peep(l, 2, r);
                    double dzf = dc * cp * f * (1 - f);
                    double dzi = dc * g * i * (1 - i);
                    double dzg = dc * i * (1 - g * g);
                    layer.dz.data[z + r] = dzi;
                    layer.dz.data[z + h + r] = dzf;
                    layer.dz.data[z + 2 * h + r] = dzg;
                    layer.dz.data[z + 3 * h + r] = dzo;
                    previousStateGradient.data[s + h + r] = dc * f + dzi * peep(l, 0, r) + dzf * peep(l, 1, r);
                    if (peepGradient != null) {
                        peepGradient[r] += dzi * cp;
                        peepGradient[h + r] += dzf * cp;
                        peepGradient[2 * h + r] += dzo * layer.c.data[u + r];
                    }
                }
            }
            CommonOps_DDRM.multAddTransA(layer.dz, layer.in, blocks.get(inputBlock[l]).value());
            CommonOps_DDRM.multAddTransA(layer.dz, layer.hp, blocks.get(recurrentBlock[l]).value());
            addColumnSums(layer.dz, blocks.get(biasBlock[l]).value().data);
            CommonOps_DDRM.mult(layer.dz, recurrent[l], layer.dhp);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(layer.dhp.data, b * h, previousStateGradient.data, b * stateSize + stateOffset[l], h);
            }
            if (l > 0) {
                CommonOps_DDRM.mult(layer.dz, input[l], cache.layers[l - 1].dh);
            } else if (inputGradient != null) {
                check(inputGradient, batch, inputs, "input gradient");
                CommonOps_DDRM.mult(layer.dz, input[0], inputGradient);
            }
        }
    }

    @Override
    public void stateJacobian(StepCache stepCache, int row, DMatrixRMaj jacobian) {
        Cache cache = (Cache) stepCache;
        check(jacobian, stateSize, stateSize, "state Jacobian");
        jacobian.zero();
        for (int l = 0; l < size.length; l++) {
            int h = size[l];
            Layer layer = cache.layers[l];
            DMatrixRMaj d = layer.stateDz();
            d.zero();
            if (l > 0) {
                // The layer's input is the layer below's h at this step: rows of the Jacobian already done.
                DMatrixRMaj below = cache.layers[l - 1].stateDh();
                CommonOps_DDRM.mult(input[l], below, d);
            }
            int hp = stateOffset[l];
            int cp = stateOffset[l] + h;
            for (int r = 0; r < 4 * h; r++) {
                for (int k = 0; k < h; k++) {
                    d.data[r * stateSize + hp + k] += recurrent[l].data[r * h + k];
                }
            }
            for (int r = 0; r < h; r++) {
                d.data[r * stateSize + cp + r] += peep(l, 0, r);
                d.data[(h + r) * stateSize + cp + r] += peep(l, 1, r);
            }
            chain(l, layer, row, d, stateSize, cp, layer.stateDh(), layer.stateDc());
            System.arraycopy(layer.stateDh().data, 0, jacobian.data, stateOffset[l] * stateSize, h * stateSize);
            System.arraycopy(layer.stateDc().data, 0, jacobian.data, (stateOffset[l] + h) * stateSize, h * stateSize);
        }
    }

    @Override
    public void addParameterJacobian(StepCache stepCache, int row, DMatrixRMaj sensitivity) {
        Cache cache = (Cache) stepCache;
        int p = parameters.size();
        check(sensitivity, stateSize, p, "parameter sensitivity");
        for (int l = 0; l < size.length; l++) {
            int h = size[l];
            Layer layer = cache.layers[l];
            DMatrixRMaj d = layer.parameterDz();
            d.zero();
            if (l > 0) {
                CommonOps_DDRM.mult(input[l], cache.layers[l - 1].parameterDh(), d);
            }
            int below = input[l].numCols;
            int inputOffset = parameters.blocks().get(inputBlock[l]).offset();
            int recurrentOffset = parameters.blocks().get(recurrentBlock[l]).offset();
            int biasOffset = parameters.blocks().get(biasBlock[l]).offset();
            for (int r = 0; r < 4 * h; r++) {
                int base = r * p;
                for (int k = 0; k < below; k++) {
                    d.data[base + inputOffset + r * below + k] += layer.in.data[row * below + k];
                }
                for (int k = 0; k < h; k++) {
                    d.data[base + recurrentOffset + r * h + k] += layer.hp.data[row * h + k];
                }
                d.data[base + biasOffset + r] += 1;
            }
            if (peepholes) {
                int peepOffset = parameters.blocks().get(peepholeBlock[l]).offset();
                for (int r = 0; r < h; r++) {
                    double cp = layer.cp.data[row * h + r];
                    d.data[r * p + peepOffset + r] += cp;
                    d.data[(h + r) * p + peepOffset + h + r] += cp;
                    // p_o multiplies c, which depends on θ too: its direct part (c held fixed) here,
                    // the rest through dc in chain().
                    d.data[(3 * h + r) * p + peepOffset + 2 * h + r] += layer.c.data[row * h + r];
                }
            }
            chain(l, layer, row, d, p, -1, layer.parameterDh(), layer.parameterDc());
            for (int r = 0; r < h; r++) {
                int hRow = (stateOffset[l] + r) * p;
                int cRow = (stateOffset[l] + h + r) * p;
                for (int k = 0; k < p; k++) {
                    sensitivity.data[hRow + k] += layer.parameterDh().data[r * p + k];
                    sensitivity.data[cRow + k] += layer.parameterDc().data[r * p + k];
                }
            }
        }
    }

    /**
     * From dz/dv (4H × m: the gates' sums, o's peephole on c excluded) to dh/dv and dc/dv for row
     * {@code row}; {@code cpColumn} is the column of c' when v is the state (its own derivative),
     * or −1 when c' does not depend on v.
     */
    private void chain(int l, Layer layer, int row, DMatrixRMaj d, int m, int cpColumn, DMatrixRMaj dh, DMatrixRMaj dc) {
        int h = size[l];
        for (int r = 0; r < h; r++) {
            int u = row * h + r;
            double i = layer.i.data[u];
            double f = layer.f.data[u];
            double g = layer.g.data[u];
            double o = layer.o.data[u];
            double tc = layer.tc.data[u];
            double cp = layer.cp.data[u];
            double si = i * (1 - i);
            double sf = f * (1 - f);
            double sg = 1 - g * g;
            double so = o * (1 - o);
            double po = peep(l, 2, r);
            int ri = r * m;
            int rf = (h + r) * m;
            int rg = (2 * h + r) * m;
            int ro = (3 * h + r) * m;
            for (int k = 0; k < m; k++) {
                double dcValue = cp * sf * d.data[rf + k] + g * si * d.data[ri + k] + i * sg * d.data[rg + k];
                if (k == cpColumn + r && cpColumn >= 0) {
                    dcValue += f;
                }
                double dzo = d.data[ro + k] + po * dcValue;
                dc.data[r * m + k] = dcValue;
                dh.data[r * m + k] = tc * so * dzo + o * (1 - tc * tc) * dcValue;
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static void addColumnSums(DMatrixRMaj m, double[] sums) {
        for (int b = 0; b < m.numRows; b++) {
            for (int k = 0; k < m.numCols; k++) {
                sums[k] += m.data[b * m.numCols + k];
            }
        }
    }

    private static void check(DMatrixRMaj m, int rows, int cols, String what) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(what + " is " + m.numRows + "x" + m.numCols + ", expected " + rows + "x" + cols);
        }
    }

    /** One layer's values at one step, and its derivative workspaces. */
    private final class Layer {
        final int index;
        final DMatrixRMaj in;
        final DMatrixRMaj hp;
        final DMatrixRMaj cp;
        final DMatrixRMaj z;
        final DMatrixRMaj i;
        final DMatrixRMaj f;
        final DMatrixRMaj g;
        final DMatrixRMaj o;
        final DMatrixRMaj c;
        final DMatrixRMaj tc;
        final DMatrixRMaj h;
        final DMatrixRMaj dh;
        final DMatrixRMaj dz;
        final DMatrixRMaj dhp;
        private DMatrixRMaj[] state;
        private DMatrixRMaj[] parameter;

        Layer(int index, int batch) {
            this.index = index;
            int units = size[index];
            int below = index == 0 ? inputs : size[index - 1];
            in = new DMatrixRMaj(batch, below);
            hp = new DMatrixRMaj(batch, units);
            cp = new DMatrixRMaj(batch, units);
            z = new DMatrixRMaj(batch, 4 * units);
            i = new DMatrixRMaj(batch, units);
            f = new DMatrixRMaj(batch, units);
            g = new DMatrixRMaj(batch, units);
            o = new DMatrixRMaj(batch, units);
            c = new DMatrixRMaj(batch, units);
            tc = new DMatrixRMaj(batch, units);
            h = new DMatrixRMaj(batch, units);
            dh = new DMatrixRMaj(batch, units);
            dz = new DMatrixRMaj(batch, 4 * units);
            dhp = new DMatrixRMaj(batch, units);
        }

        /** Lazily, as only RTRL and the contract checks need them: dz/ds, dh/ds, dc/ds. */
        private DMatrixRMaj[] state() {
            if (state == null) {
                int units = size[index];
                state = new DMatrixRMaj[] {new DMatrixRMaj(4 * units, stateSize), new DMatrixRMaj(units, stateSize),
                    new DMatrixRMaj(units, stateSize)};
            }
            return state;
        }

        private DMatrixRMaj[] parameter() {
            if (parameter == null) {
                int units = size[index];
                int p = parameters.size();
                parameter = new DMatrixRMaj[] {new DMatrixRMaj(4 * units, p), new DMatrixRMaj(units, p), new DMatrixRMaj(units, p)};
            }
            return parameter;
        }

        DMatrixRMaj stateDz() {
            return state()[0];
        }

        DMatrixRMaj stateDh() {
            return state()[1];
        }

        DMatrixRMaj stateDc() {
            return state()[2];
        }

        DMatrixRMaj parameterDz() {
            return parameter()[0];
        }

        DMatrixRMaj parameterDh() {
            return parameter()[1];
        }

        DMatrixRMaj parameterDc() {
            return parameter()[2];
        }
    }

    /** A step of a batch: every layer's values, the output's, and the new state. */
    private final class Cache implements StepCache {
        final int batch;
        final DMatrixRMaj x;
        final Layer[] layers;
        final DMatrixRMaj zy;
        final DMatrixRMaj y;
        final DMatrixRMaj ySlope;
        final DMatrixRMaj dzy;
        final DMatrixRMaj state;

        Cache(int batch) {
            if (batch <= 0) {
                throw new IllegalArgumentException("batch size must be positive: " + batch);
            }
            this.batch = batch;
            x = new DMatrixRMaj(batch, inputs);
            layers = new Layer[size.length];
            for (int l = 0; l < size.length; l++) {
                layers[l] = new Layer(l, batch);
            }
            zy = new DMatrixRMaj(batch, outputs);
            y = new DMatrixRMaj(batch, outputs);
            ySlope = new DMatrixRMaj(batch, outputs);
            dzy = new DMatrixRMaj(batch, outputs);
            state = new DMatrixRMaj(batch, stateSize);
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
            return y;
        }
    }

    @Override
    public String toString() {
        return "LSTM " + inputs + " → " + Arrays.toString(size) + " → " + outputs + (peepholes ? " with peepholes" : "");
    }
}
