package org.rnn4j.api.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Activation;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.graph.LayerGraph.Connection;
import org.rnn4j.api.graph.LayerGraph.Group;
import org.rnn4j.api.graph.LayerGraph.Kind;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;

/**
 * The {@link Network} of a {@link LayerGraph}: forward pass, back-propagation, state Jacobian
 * and parameter Jacobian derived once from the graph, for every topology declared with it.
 *
 * <p>Parameters are laid out group by group in evaluation order: the weights of each trainable
 * incoming connection (named after the connection; a {@link Kind#FULL} block is
 * {@code target-units × source-units}, a {@link Kind#DIAGONAL} block {@code 1 × units}), then the
 * group's bias ({@code <group>.bias}, {@code 1 × units}). Steps allocate nothing once their cache
 * exists.
 *
 * <p>The steps a network computes live in a {@link Tape}: per group one array holding the rows of
 * step after step. A step cache is a tape of one step; {@link #unroll} gives a tape of a whole
 * window, computed component by component: a group in no recurrent cycle (an input layer's
 * product, an Elman network's output layer) for every step of the window at once, as one product
 * over all its rows; the groups of a cycle step by step, with what comes into the cycle from
 * outside added for all steps beforehand. Both run the same code, so a window gives step by
 * step's numbers (to the rounding of products over more rows).
 */
public final class GraphNetwork implements Network {

    private final LayerGraph graph;
    private final int groupCount;
    private final int[] size;
    private final Activation[] activation;
    /** Identity activation: the group's sums are its values, its slopes all 1, its deltas its value gradients. */
    private final boolean[] linear;
    private final DMatrixRMaj[] bias;
    private final int[] biasOffset;
    private final int[] biasBlock;
    private final int[] from;
    private final int[] to;
    private final int[] delay;
    private final Kind[] kind;
    private final double[] fixedWeight;
    private final DMatrixRMaj[] weight;
    private final int[] weightOffset;
    private final int[] weightBlock;
    private final int[][] incoming;
    private final int[] stateOffset;
    private final int[] stateGroups;
    private final boolean[] dependsOnState;
    /**
     * Groups that only hold a copy of another group's previous values (Elman's context cells:
     * identity, no bias, one fixed connection of weight 1 at delay 1 from a source nothing else
     * reads at that delay, and not read at a delay themselves). Their values and gradients are
     * the source's previous ones, in the source's arrays, instead of copies; the numbers are the
     * same bit for bit, as x · 1 = x and 0 + x = x.
     */
    private final boolean[] passThrough;
    /** Group g's incoming connections from its own recurrent cycle (computed step by step), and the others. */
    private final int[][] incomingWithin;
    private final int[][] incomingFromOutside;
    /** The components of the graph (a cycle's groups, or one group), in an order that computes each after its sources. */
    private final int[][] components;
    private final boolean[] cyclic;
    private final int outputGroup;
    private final int outputOffset;
    private final int outputSize;
    private final int stateSize;
    private final Parameters parameters;
    private final MatrixKernels kernels;

    GraphNetwork(LayerGraph graph, org.rnn4j.api.Precision precision) {
        this.graph = graph;
        boolean single = precision == org.rnn4j.api.Precision.SINGLE;
        this.kernels = single ? MatrixKernels.best().single() : MatrixKernels.best();
        List<Group> groups = graph.groups();
        List<Connection> connections = graph.connections();
        groupCount = groups.size();
        size = new int[groupCount];
        activation = new Activation[groupCount];
        linear = new boolean[groupCount];
        for (int g = 0; g < groupCount; g++) {
            size[g] = groups.get(g).size();
            Activation declared = groups.get(g).activation();  // null for the input group
            activation[g] = single && declared != null ? declared.single() : declared;
            linear[g] = activation[g] instanceof Identity;
        }
        int connectionCount = connections.size();
        from = new int[connectionCount];
        delay = new int[connectionCount];
        kind = new Kind[connectionCount];
        fixedWeight = new double[connectionCount];
        to = new int[connectionCount];
        for (int c = 0; c < connectionCount; c++) {
            Connection connection = connections.get(c);
            from[c] = indexOf(connection.from());
            to[c] = indexOf(connection.to());
            delay[c] = connection.delay();
            kind[c] = connection.kind();
            fixedWeight[c] = connection.weight();
        }
        incoming = new int[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            List<Integer> list = new ArrayList<>();
            for (int c = 0; c < connectionCount; c++) {
                if (to[c] == g) {
                    list.add(c);
                }
            }
            incoming[g] = list.stream().mapToInt(Integer::intValue).toArray();
        }

        Parameters.Builder layout = Parameters.builder();
        for (int g = 1; g < groupCount; g++) {
            for (int c : incoming[g]) {
                if (kind[c] == Kind.FULL) {
                    layout.add(connections.get(c).name(), size[g], size[from[c]]);
                } else if (kind[c] == Kind.DIAGONAL) {
                    layout.add(connections.get(c).name(), 1, size[g]);
                }
            }
            if (groups.get(g).bias()) {
                layout.add(groups.get(g).name() + ".bias", 1, size[g], false);
            }
        }
        parameters = layout.build();
        weight = new DMatrixRMaj[connectionCount];
        weightOffset = new int[connectionCount];
        weightBlock = new int[connectionCount];
        for (int c = 0; c < connectionCount; c++) {
            if (kind[c] != Kind.FIXED) {
                Parameters.Block block = parameters.block(connections.get(c).name());
                weight[c] = block.value();
                weightOffset[c] = block.offset();
                weightBlock[c] = parameters.blocks().indexOf(block);
            }
        }
        bias = new DMatrixRMaj[groupCount];
        biasOffset = new int[groupCount];
        biasBlock = new int[groupCount];
        for (int g = 1; g < groupCount; g++) {
            if (groups.get(g).bias()) {
                Parameters.Block block = parameters.block(groups.get(g).name() + ".bias");
                bias[g] = block.value();
                biasOffset[g] = block.offset();
                biasBlock[g] = parameters.blocks().indexOf(block);
            }
        }

        stateOffset = new int[groupCount];
        List<Integer> state = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < groupCount; g++) {
            stateOffset[g] = -1;
            for (int c = 0; c < connectionCount; c++) {
                if (from[c] == g && delay[c] == 1) {
                    stateOffset[g] = offset;
                    offset += size[g];
                    state.add(g);
                    break;
                }
            }
        }
        stateSize = offset;
        stateGroups = state.stream().mapToInt(Integer::intValue).toArray();
        dependsOnState = new boolean[groupCount];
        for (int g = 1; g < groupCount; g++) {
            for (int c : incoming[g]) {
                dependsOnState[g] |= delay[c] == 1 || dependsOnState[from[c]];
            }
        }
        outputGroup = indexOf(graph.output());
        outputOffset = graph.outputOffset();
        outputSize = graph.outputSize();
        passThrough = new boolean[groupCount];
        for (int g = 1; g < groupCount; g++) {
            if (linear[g] && bias[g] == null && incoming[g].length == 1) {
                int c = incoming[g][0];
                passThrough[g] = kind[c] == Kind.FIXED && fixedWeight[c] == 1.0 && delay[c] == 1
                        && size[from[c]] == size[g] && onlyReader(c) && stateOffset[g] < 0;
            }
        }
        boolean[] recurrent = new boolean[connectionCount];
        List<int[]> order = new ArrayList<>();
        List<Boolean> cycles = new ArrayList<>();
        findComponents(order, cycles, recurrent);
        components = order.toArray(new int[0][]);
        incomingWithin = new int[groupCount][];
        incomingFromOutside = new int[groupCount][];
        for (int g = 0; g < groupCount; g++) {
            incomingWithin[g] = Arrays.stream(incoming[g]).filter(c -> recurrent[c]).toArray();
            incomingFromOutside[g] = Arrays.stream(incoming[g]).filter(c -> !recurrent[c]).toArray();
        }
        cyclic = new boolean[components.length];
        for (int k = 0; k < components.length; k++) {
            cyclic[k] = cycles.get(k);
        }
    }

    /**
     * Splits the graph into its strongly connected components (a recurrent cycle's groups, or a
     * lone group) and orders them so that every connection between two of them goes forward;
     * marks the connections within a cycle as recurrent.
     */
    private void findComponents(List<int[]> order, List<Boolean> cycles, boolean[] recurrent) {
        boolean[][] reaches = new boolean[groupCount][groupCount];
        for (int c = 0; c < from.length; c++) {
            reaches[from[c]][to[c]] = true;
        }
        for (int k = 0; k < groupCount; k++) {
            for (int i = 0; i < groupCount; i++) {
                for (int j = 0; j < groupCount; j++) {
                    reaches[i][j] |= reaches[i][k] && reaches[k][j];
                }
            }
        }
        int[] component = new int[groupCount];
        Arrays.fill(component, -1);
        List<int[]> found = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            if (component[g] >= 0) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int h = g; h < groupCount; h++) {
                if (h == g || reaches[g][h] && reaches[h][g]) {
                    component[h] = found.size();
                    members.add(h);
                }
            }
            found.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        for (int c = 0; c < from.length; c++) {
            recurrent[c] = component[from[c]] == component[to[c]];
        }
        boolean[] placed = new boolean[found.size()];
        while (order.size() < found.size()) {
            for (int k = 0; k < found.size(); k++) {
                if (!placed[k] && sourcesPlaced(k, component, placed)) {
                    placed[k] = true;
                    order.add(found.get(k));
                    cycles.add(reaches[found.get(k)[0]][found.get(k)[0]]);
                    break;
                }
            }
        }
    }

    /** Whether every connection into component {@code k} from another comes from a placed one. */
    private boolean sourcesPlaced(int k, int[] component, boolean[] placed) {
        for (int c = 0; c < from.length; c++) {
            if (component[to[c]] == k && component[from[c]] != k && !placed[component[from[c]]]) {
                return false;
            }
        }
        return true;
    }

    /** Whether connection {@code c} is the only one that reads its source at its delay. */
    private boolean onlyReader(int c) {
        for (int other = 0; other < from.length; other++) {
            if (other != c && from[other] == from[c] && delay[other] == delay[c]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String name) {
        List<Group> groups = graph.groups();
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no group '" + name + "'");
    }

    /** The declaration this network was derived from. */
    public LayerGraph graph() {
        return graph;
    }

    @Override
    public int inputSize() {
        return size[0];
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public int stateSize() {
        return stateSize;
    }

    @Override
    public int outputStateOffset() {
        return stateOffset[outputGroup] < 0 ? -1 : stateOffset[outputGroup] + outputOffset;
    }

    @Override
    public boolean concurrent() {
        return true;  // a step's values live in its tape, a window's in its own tape: the network itself is only read
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public StepCache newStepCache(int batchSize) {
        return new Tape(batchSize, 1, false);
    }

    @Override
    public Unrolled unroll(int batchSize, int capacity) {
        return new Window(batchSize, capacity);
    }

    @Override
    public void forward(DMatrixRMaj previousState, DMatrixRMaj input, StepCache stepCache) {
        Tape tape = (Tape) stepCache;
        int batch = tape.batch;
        checkShape(input, batch, size[0], "input");
        checkShape(previousState, batch, stateSize, "previous state");
        System.arraycopy(input.data, 0, tape.value[0], 0, batch * size[0]);
        setStateBefore(tape, previousState);
        run(tape, 1);
        for (int g : stateGroups) {
            copyColumns(tape.value[g], offset(tape, g, 0, 0), size[g], tape.state, stateOffset[g]);
        }
        readOutput(tape, 0, tape.output);
    }

    @Override
    public void backward(StepCache stepCache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient,
                         Parameters gradient, DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        Tape tape = (Tape) stepCache;
        int batch = tape.batch;
        checkShape(outputGradient, batch, outputSize, "output gradient");
        checkShape(stateGradient, batch, stateSize, "state gradient");
        checkShape(previousStateGradient, batch, stateSize, "previous state gradient");
        if (inputGradient != null) {
            checkShape(inputGradient, batch, size[0], "input gradient");
        }
        checkLayout(gradient);
        clearGradients(tape, 1, inputGradient != null);
        addOutputGradient(tape, 0, outputGradient);
        addStateGradient(tape, 0, stateGradient);
        runBackward(tape, 1, inputGradient != null, gradient.blocks());
        getStateGradientBefore(tape, previousStateGradient);
        if (inputGradient != null) {
            System.arraycopy(tape.valueGradient[0], 0, inputGradient.data, 0, batch * size[0]);
        }
    }

    /** Computes steps 0 … count − 1 of a tape whose inputs and state before step 0 are in place. */
    private void run(Tape tape, int count) {
        for (int k = 0; k < components.length; k++) {
            int[] groups = components[k];
            if (!cyclic[k]) {
                int g = groups[0];
                if (g > 0 && !passThrough[g]) {
                    startSums(tape, g, count);
                    addIncoming(tape, g, 0, count, false);
                    values(tape, g, 0, count);
                    slopes(tape, g, count);
                }
                continue;
            }
            for (int g : groups) {
                if (!passThrough[g]) {
                    startSums(tape, g, count);
                    addIncoming(tape, g, 0, count, false);  // what comes into the cycle, for every step at once
                }
            }
            for (int t = 0; t < count; t++) {
                for (int g : groups) {
                    if (!passThrough[g]) {
                        addIncoming(tape, g, t, 1, true);
                        values(tape, g, t, 1);
                    }
                }
            }
            for (int g : groups) {
                if (!passThrough[g]) {
                    slopes(tape, g, count);  // no step needs them before the backward pass: all steps in one pass
                }
            }
        }
    }

    /** Group g's sums of steps 0 … count − 1 set to its bias (or zero). */
    private void startSums(Tape tape, int g, int count) {
        double[] z = tape.sum[g];
        int width = size[g];
        int start = offset(tape, g, 0, 0);
        int rows = count * tape.batch;
        if (bias[g] == null) {
            Arrays.fill(z, start, start + rows * width, 0.0);
        } else {
            // The bias in the first row, then the rows set so far copied after themselves: a few
            // copies instead of a short loop per row; each at most about 4,096 values, read from the
            // start, which stays in the cache.
            System.arraycopy(bias[g].data, 0, z, start, width);
            int total = rows * width;
            int most = width * Math.max(1, 4096 / width);
            for (int filled = width; filled < total; ) {
                int length = Math.min(Math.min(filled, most), total - filled);
                System.arraycopy(z, start, z, start + filled, length);
                filled += length;
            }
        }
    }

    /** Adds into group g's sums of steps t … t + count − 1 its recurrent (or its other) incoming connections. */
    private void addIncoming(Tape tape, int g, int t, int count, boolean recurrentOnes) {
        int rows = count * tape.batch;
        double[] z = tape.sum[g];
        int at = offset(tape, g, t, 0);
        for (int c : recurrentOnes ? incomingWithin[g] : incomingFromOutside[g]) {
            int source = from[c];
            double[] x = tape.value[source];
            int xAt = offset(tape, source, t, delay[c]);
            switch (kind[c]) {
                case FULL -> {
                    if (tape.held != null) {
                        kernels.multAddTransB(rows, size[g], size[source], x, xAt, tape.held[c], z, at);
                    } else {
                        kernels.multAddTransB(rows, size[g], size[source], x, xAt, weight[c].data, 0, z, at);
                    }
                }
                case DIAGONAL -> addScaledRows(weight[c].data, x, xAt, z, at, rows, size[g]);
                case FIXED -> addScaled(fixedWeight[c], x, xAt, z, at, rows * size[g]);
            }
        }
    }

    /** Group g's values of steps t … t + count − 1 from its sums. */
    private void values(Tape tape, int g, int t, int count) {
        if (!linear[g]) {
            int start = offset(tape, g, t, 0);
            activation[g].values(tape.sum[g], tape.value[g], start, start + count * tape.batch * size[g]);
        }
    }

    /** Group g's slopes f'(sum) of steps 0 … count − 1, from its sums and values. */
    private void slopes(Tape tape, int g, int count) {
        if (!linear[g]) {
            int start = offset(tape, g, 0, 0);
            activation[g].derivatives(tape.sum[g], tape.value[g], tape.slope[g], start, start + count * tape.batch * size[g]);
        }
    }

    /**
     * Back-propagates through steps 0 … count − 1 of a tape whose value gradients hold what comes
     * from outside (the outputs' gradients, the state's after the last step): components in
     * reverse order, a cycle's step by step, the rest — and every weight gradient — for all steps
     * at once.
     */
    private void runBackward(Tape tape, int count, boolean inputGradient, List<Parameters.Block> gradients) {
        for (int k = components.length - 1; k >= 0; k--) {
            int[] groups = components[k];
            if (!cyclic[k]) {
                int g = groups[0];
                if (g > 0 && !passThrough[g]) {
                    deltas(tape, g, 0, count);
                    addParameterGradients(tape, g, count, gradients);
                    propagate(tape, g, 0, count, false, inputGradient);
                }
                continue;
            }
            for (int t = count - 1; t >= 0; t--) {
                for (int i = groups.length - 1; i >= 0; i--) {
                    int g = groups[i];
                    if (!passThrough[g]) {
                        deltas(tape, g, t, 1);
                        propagate(tape, g, t, 1, true, inputGradient);
                    }
                }
            }
            for (int g : groups) {
                if (!passThrough[g]) {
                    addParameterGradients(tape, g, count, gradients);
                    propagate(tape, g, 0, count, false, inputGradient);
                }
            }
        }
    }

    /** δ = ∂L/∂value ⊙ f'(sum) for steps t … t + count − 1 (a linear group's δ is its value gradient). */
    private void deltas(Tape tape, int g, int t, int count) {
        if (linear[g]) {
            return;
        }
        double[] gradient = tape.valueGradient[g];
        double[] slope = tape.slope[g];
        double[] delta = tape.delta[g];
        int start = offset(tape, g, t, 0);
        for (int i = start, end = start + count * tape.batch * size[g]; i < end; i++) {
            delta[i] = gradient[i] * slope[i];
        }
    }

    /** Adds the gradients of group g's bias and incoming weights over steps 0 … count − 1. */
    private void addParameterGradients(Tape tape, int g, int count, List<Parameters.Block> gradients) {
        int rows = count * tape.batch;
        int width = size[g];
        double[] delta = tape.delta[g];
        int at = offset(tape, g, 0, 0);
        if (bias[g] != null) {
            double[] sums = gradients.get(biasBlock[g]).value().data;
            for (int r = 0; r < rows; r++) {
                int base = at + r * width;
                for (int i = 0; i < width; i++) {
                    sums[i] += delta[base + i];
                }
            }
        }
        for (int c : incoming[g]) {
            int source = from[c];
            double[] x = tape.value[source];
            int xAt = offset(tape, source, 0, delay[c]);
            if (kind[c] == Kind.FULL) {
                kernels.multAddTransA(width, size[source], rows, delta, at, x, xAt, gradients.get(weightBlock[c]).value().data, 0);
            } else if (kind[c] == Kind.DIAGONAL) {
                double[] sums = gradients.get(weightBlock[c]).value().data;
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < width; i++) {
                        sums[i] += delta[at + r * width + i] * x[xAt + r * width + i];
                    }
                }
            }
        }
    }

    /** Passes group g's δ of steps t … t + count − 1 back along its recurrent (or its other) incoming connections. */
    private void propagate(Tape tape, int g, int t, int count, boolean recurrentOnes, boolean inputGradient) {
        int rows = count * tape.batch;
        double[] delta = tape.delta[g];
        int at = offset(tape, g, t, 0);
        for (int c : recurrentOnes ? incomingWithin[g] : incomingFromOutside[g]) {
            int source = from[c];
            if (delay[c] == 0 && source == 0 && !inputGradient) {
                continue;
            }
            double[] x = tape.valueGradient[source];
            int xAt = offset(tape, source, t, delay[c]);
            switch (kind[c]) {
                case FULL -> {
                    if (tape.held != null) {
                        kernels.multAdd(rows, size[source], size[g], delta, at, tape.held[c], x, xAt);
                    } else {
                        kernels.multAdd(rows, size[source], size[g], delta, at, weight[c].data, 0, x, xAt);
                    }
                }
                case DIAGONAL -> addScaledRows(weight[c].data, delta, at, x, xAt, rows, size[g]);
                case FIXED -> addScaled(fixedWeight[c], delta, at, x, xAt, rows * size[g]);
            }
        }
    }

    /**
     * Where group g's rows of step t start in its arrays, or those of the step before for a
     * delayed read: a pass-through group's are its source's, a step earlier.
     */
    private int offset(Tape tape, int g, int t, int delayed) {
        int block = delayed + (passThrough[g] ? 1 : 0) == 0 ? tape.first + t : t == 0 ? tape.before : tape.first + t - 1;
        return block * tape.batch * size[g];
    }

    private void setStateBefore(Tape tape, DMatrixRMaj state) {
        for (int g : stateGroups) {
            int at = offset(tape, g, 0, 1);
            for (int b = 0; b < tape.batch; b++) {
                System.arraycopy(state.data, b * stateSize + stateOffset[g], tape.value[g], at + b * size[g], size[g]);
            }
        }
    }

    /** Writes ∂L/∂s before step 0 into {@code target}. */
    private void getStateGradientBefore(Tape tape, DMatrixRMaj target) {
        for (int g : stateGroups) {
            copyColumns(tape.valueGradient[g], offset(tape, g, 0, 1), size[g], target, stateOffset[g]);
        }
    }

    /** Clears the value gradients of steps 0 … count − 1 and of the state before them. */
    private void clearGradients(Tape tape, int count, boolean inputGradient) {
        int blocks = Math.max(tape.before, tape.first + count - 1) + 1;
        for (int g = inputGradient || stateOffset[0] >= 0 ? 0 : 1; g < groupCount; g++) {
            if (!passThrough[g]) {
                Arrays.fill(tape.valueGradient[g], 0, blocks * tape.batch * size[g], 0.0);
            }
        }
    }

    private void addOutputGradient(Tape tape, int t, DMatrixRMaj outputGradient) {
        double[] target = tape.valueGradient[outputGroup];
        int at = offset(tape, outputGroup, t, 0);
        int width = size[outputGroup];
        for (int b = 0; b < tape.batch; b++) {
            int s = b * outputSize;
            int d = at + b * width + outputOffset;
            for (int k = 0; k < outputSize; k++) {
                target[d + k] += outputGradient.data[s + k];
            }
        }
    }

    private void addStateGradient(Tape tape, int t, DMatrixRMaj stateGradient) {
        for (int g : stateGroups) {
            double[] target = tape.valueGradient[g];
            int at = offset(tape, g, t, 0);
            for (int b = 0; b < tape.batch; b++) {
                int s = b * stateSize + stateOffset[g];
                int d = at + b * size[g];
                for (int k = 0; k < size[g]; k++) {
                    target[d + k] += stateGradient.data[s + k];
                }
            }
        }
    }

    private void readOutput(Tape tape, int t, DMatrixRMaj output) {
        int at = offset(tape, outputGroup, t, 0);
        int width = size[outputGroup];
        for (int b = 0; b < tape.batch; b++) {
            copy(tape.value[outputGroup], at + b * width + outputOffset, output.data, b * outputSize, outputSize);
        }
    }

    /** A loop for short rows (one value per step, often), where a call of System.arraycopy costs more than the copy. */
    private static void copy(double[] source, int at, double[] target, int targetAt, int count) {
        if (count > 16) {
            System.arraycopy(source, at, target, targetAt, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[targetAt + i] = source[at + i];
            }
        }
    }

    private void checkLayout(Parameters gradient) {
        if (gradient.size() != parameters.size() || gradient.blocks().size() != parameters.blocks().size()) {
            throw new IllegalArgumentException("gradient layout differs from the parameters: " + gradient);
        }
    }

    @Override
    public void stateJacobian(StepCache stepCache, int row, DMatrixRMaj jacobian) {
        Tape tape = (Tape) stepCache;
        checkShape(jacobian, stateSize, stateSize, "state Jacobian");
        for (int g = 1; g < groupCount; g++) {
            if (!dependsOnState[g]) {
                continue;
            }
            DMatrixRMaj j = tape.stateJacobian(g);
            j.zero();
            for (int c : incoming[g]) {
                int source = from[c];
                if (delay[c] == 1) {
                    int column = stateOffset[source];
                    switch (kind[c]) {
                        case FULL -> addBlock(weight[c], j, column);
                        case DIAGONAL -> addToDiagonal(weight[c].data, 0, j, column);
                        case FIXED -> addToDiagonal(null, fixedWeight[c], j, column);
                    }
                } else if (dependsOnState[source]) {
                    DMatrixRMaj chained = tape.stateJacobian(source);
                    switch (kind[c]) {
                        case FULL -> kernels.multAdd(weight[c], chained, j);
                        case DIAGONAL -> addScaledRowsOfMatrix(weight[c].data, 0, chained, j);
                        case FIXED -> addScaledRowsOfMatrix(null, fixedWeight[c], chained, j);
                    }
                }
            }
            scaleRows(tape, g, row, j);
        }
        jacobian.zero();
        for (int g : stateGroups) {
            if (dependsOnState[g]) {
                DMatrixRMaj j = tape.stateJacobian(g);
                System.arraycopy(j.data, 0, jacobian.data, stateOffset[g] * stateSize, j.getNumElements());
            }
        }
    }

    /**
     * A weight or bias into group g reaches, within a step, g's unit when g is part of the state,
     * and every state group downstream of g along connections without delay: one unit when that is
     * g alone, none when it is nothing — else several, and the pattern is not this simple.
     */
    @Override
    public int[] parameterUnits() {
        int[] units = new int[parameters.size()];
        for (int g = 1; g < groupCount; g++) {
            boolean parameterised = bias[g] != null
                    || Arrays.stream(incoming[g]).anyMatch(c -> kind[c] == Kind.FULL || kind[c] == Kind.DIAGONAL);
            if (!parameterised) {
                continue;  // a context copy, say: nothing of θ enters here
            }
            boolean own = stateOffset[g] >= 0;
            if (reachesStateWithinStep(g, new boolean[groupCount])) {
                return null;
            }
            int width = size[g];
            for (int c : incoming[g]) {
                if (kind[c] == Kind.FULL) {
                    int sourceWidth = size[from[c]];
                    for (int r = 0; r < width; r++) {
                        for (int k = 0; k < sourceWidth; k++) {
                            units[weightOffset[c] + r * sourceWidth + k] = own ? stateOffset[g] + r : -1;
                        }
                    }
                } else if (kind[c] == Kind.DIAGONAL) {
                    for (int r = 0; r < width; r++) {
                        units[weightOffset[c] + r] = own ? stateOffset[g] + r : -1;
                    }
                }
            }
            if (bias[g] != null) {
                for (int r = 0; r < width; r++) {
                    units[biasOffset[g] + r] = own ? stateOffset[g] + r : -1;
                }
            }
        }
        return units;
    }

    /** Whether a state group other than g is reached from g along connections without delay. */
    private boolean reachesStateWithinStep(int g, boolean[] seen) {
        for (int c = 0; c < from.length; c++) {
            if (from[c] == g && delay[c] == 0 && !seen[to[c]]) {
                seen[to[c]] = true;
                if (stateOffset[to[c]] >= 0 || reachesStateWithinStep(to[c], seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The immediate Jacobian on the units of {@link #parameterUnits()}: slope of the unit times what the weight multiplies. */
    @Override
    public void parameterJacobianOnUnits(StepCache stepCache, int row, double[] values) {
        Tape tape = (Tape) stepCache;
        for (int g : stateGroups) {
            if (g == 0) {
                continue;
            }
            int width = size[g];
            int slopes = offset(tape, g, 0, 0) + row * width;
            for (int c : incoming[g]) {
                double[] x = tape.value[from[c]];
                int sourceWidth = size[from[c]];
                int base = offset(tape, from[c], 0, delay[c]) + row * sourceWidth;
                if (kind[c] == Kind.FULL) {
                    for (int r = 0; r < width; r++) {
                        double slope = linear[g] ? 1 : tape.slope[g][slopes + r];
                        int at = weightOffset[c] + r * sourceWidth;
                        for (int k = 0; k < sourceWidth; k++) {
                            values[at + k] = slope * x[base + k];
                        }
                    }
                } else if (kind[c] == Kind.DIAGONAL) {
                    for (int r = 0; r < width; r++) {
                        values[weightOffset[c] + r] = (linear[g] ? 1 : tape.slope[g][slopes + r]) * x[base + r];
                    }
                }
            }
            if (bias[g] != null) {
                for (int r = 0; r < width; r++) {
                    values[biasOffset[g] + r] = linear[g] ? 1 : tape.slope[g][slopes + r];
                }
            }
        }
    }

    @Override
    public void addParameterJacobian(StepCache stepCache, int row, DMatrixRMaj sensitivity) {
        Tape tape = (Tape) stepCache;
        int p = parameters.size();
        checkShape(sensitivity, stateSize, p, "parameter sensitivity");
        for (int g = 1; g < groupCount; g++) {
            DMatrixRMaj j = tape.parameterJacobian(g);
            j.zero();
            int width = size[g];
            for (int c : incoming[g]) {
                int source = from[c];
                if (delay[c] == 0 && source > 0) {
                    DMatrixRMaj chained = tape.parameterJacobian(source);
                    switch (kind[c]) {
                        case FULL -> kernels.multAdd(weight[c], chained, j);
                        case DIAGONAL -> addScaledRowsOfMatrix(weight[c].data, 0, chained, j);
                        case FIXED -> addScaledRowsOfMatrix(null, fixedWeight[c], chained, j);
                    }
                }
                double[] values = tape.value[source];
                int sourceWidth = size[source];
                int base = offset(tape, source, 0, delay[c]) + row * sourceWidth;
                if (kind[c] == Kind.FULL) {
                    for (int r = 0; r < width; r++) {
                        int column = r * p + weightOffset[c] + r * sourceWidth;
                        for (int k = 0; k < sourceWidth; k++) {
                            j.data[column + k] += values[base + k];
                        }
                    }
                } else if (kind[c] == Kind.DIAGONAL) {
                    for (int r = 0; r < width; r++) {
                        j.data[r * p + weightOffset[c] + r] += values[base + r];
                    }
                }
            }
            if (bias[g] != null) {
                for (int r = 0; r < width; r++) {
                    j.data[r * p + biasOffset[g] + r] += 1;
                }
            }
            scaleRows(tape, g, row, j);
        }
        for (int g : stateGroups) {
            if (g > 0) {
                DMatrixRMaj j = tape.parameterJacobian(g);
                int base = stateOffset[g] * p;
                for (int i = 0; i < j.getNumElements(); i++) {
                    sensitivity.data[base + i] += j.data[i];
                }
            }
        }
    }

    /** Row r of m ×= group g's slope of unit r, in sequence {@code row} (a linear group's slopes are all 1). */
    private void scaleRows(Tape tape, int g, int row, DMatrixRMaj m) {
        if (linear[g]) {
            return;
        }
        int cols = m.numCols;
        int base = offset(tape, g, 0, 0) + row * size[g];
        for (int r = 0; r < m.numRows; r++) {
            double s = tape.slope[g][base + r];
            for (int k = r * cols, end = k + cols; k < end; k++) {
                m.data[k] *= s;
            }
        }
    }

    /** target[r][i] += scale[i] · source[r][i] over {@code rows} rows of {@code width}. */
    private static void addScaledRows(double[] scale, double[] source, int sourceAt, double[] target, int targetAt, int rows,
                                      int width) {
        for (int r = 0; r < rows; r++) {
            int s = sourceAt + r * width;
            int d = targetAt + r * width;
            for (int i = 0; i < width; i++) {
                target[d + i] += scale[i] * source[s + i];
            }
        }
    }

    /** target += scale · source over {@code length} values. */
    private static void addScaled(double scale, double[] source, int sourceAt, double[] target, int targetAt, int length) {
        for (int i = 0; i < length; i++) {
            target[targetAt + i] += scale * source[sourceAt + i];
        }
    }

    /** Row r of target += (scale == null ? constant : scale[r]) × row r of source. */
    private static void addScaledRowsOfMatrix(double[] scale, double constant, DMatrixRMaj source, DMatrixRMaj target) {
        int cols = source.numCols;
        for (int r = 0; r < source.numRows; r++) {
            double s = scale == null ? constant : scale[r];
            if (s == 0) {
                continue;
            }
            for (int k = r * cols, end = k + cols; k < end; k++) {
                target.data[k] += s * source.data[k];
            }
        }
    }

    /** target[r][column + r] += (scale == null ? constant : scale[r]). */
    private static void addToDiagonal(double[] scale, double constant, DMatrixRMaj target, int column) {
        for (int r = 0; r < target.numRows; r++) {
            target.data[r * target.numCols + column + r] += scale == null ? constant : scale[r];
        }
    }

    /** Adds {@code block} into {@code target} at column {@code column}. */
    private static void addBlock(DMatrixRMaj block, DMatrixRMaj target, int column) {
        for (int r = 0; r < block.numRows; r++) {
            int t = r * target.numCols + column;
            int s = r * block.numCols;
            for (int k = 0; k < block.numCols; k++) {
                target.data[t + k] += block.data[s + k];
            }
        }
    }

    /** Copies rows of {@code width} values from {@code source} at {@code at} into columns {@code column …} of {@code target}. */
    private static void copyColumns(double[] source, int at, int width, DMatrixRMaj target, int column) {
        for (int b = 0; b < target.numRows; b++) {
            System.arraycopy(source, at + b * width, target.data, b * target.numCols + column, width);
        }
    }

    private static void checkShape(DMatrixRMaj m, int rows, int cols, String what) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(what + " is " + m.numRows + "x" + m.numCols + ", expected " + rows + "x" + cols);
        }
    }

    /**
     * Steps of one batch, group by group: each array holds {@code capacity + 1} blocks of
     * batch × group-size values, one per step and one for the values before the first step
     * (read by delayed connections). A step cache (one step) keeps its step in block 0 and the
     * values before it in block 1; a window keeps the values before its first step in block 0 and
     * step t in block t + 1, so that any run of steps, delayed or not, is one run of rows.
     */
    private final class Tape implements StepCache {
        final int batch;
        final int capacity;
        final int first;
        final int before;
        final double[][] sum = new double[groupCount][];
        final double[][] value = new double[groupCount][];
        final double[][] slope = new double[groupCount][];
        final double[][] valueGradient = new double[groupCount][];
        final double[][] delta = new double[groupCount][];
        /**
         * A window's weights as its kernels hold them (per connection; null for the others), made
         * when its forward pass starts and used by it and the backward pass after; null for a step
         * cache, whose products read the weights themselves.
         */
        final MatrixKernels.Held[] held;
        /** A step cache's s and y; a window's state(t) and output(t). Copies, so that their arrays hold them alone. */
        final DMatrixRMaj state;
        final DMatrixRMaj output;
        private DMatrixRMaj[] stateJacobians;
        private DMatrixRMaj[] parameterJacobians;

        Tape(int batch, int capacity, boolean window) {
            if (batch <= 0) {
                throw new IllegalArgumentException("batch size must be positive: " + batch);
            }
            if (capacity <= 0) {
                throw new IllegalArgumentException("an unrolled network needs at least one step: " + capacity);
            }
            this.batch = batch;
            this.capacity = capacity;
            this.first = window ? 1 : 0;
            this.before = window ? 0 : 1;
            this.held = window ? new MatrixKernels.Held[weight.length] : null;
            for (int g = 0; g < groupCount; g++) {
                if (passThrough[g]) {
                    continue;
                }
                int length = (capacity + 1) * batch * size[g];
                value[g] = new double[length];
                valueGradient[g] = new double[length];
                if (g > 0 && !linear[g]) {
                    sum[g] = new double[length];
                    slope[g] = new double[length];
                    delta[g] = new double[length];
                } else {
                    sum[g] = value[g];
                    delta[g] = valueGradient[g];
                }
            }
            for (int g = 0; g < groupCount; g++) {
                if (passThrough[g]) {
                    int source = from[incoming[g][0]];
                    value[g] = value[source];
                    valueGradient[g] = valueGradient[source];
                    sum[g] = value[g];
                    delta[g] = valueGradient[g];
                }
            }
            state = new DMatrixRMaj(batch, stateSize);
            output = new DMatrixRMaj(batch, outputSize);
        }

        /** Lazily: only RTRL and the contract checks need them. */
        DMatrixRMaj stateJacobian(int g) {
            if (stateJacobians == null) {
                stateJacobians = new DMatrixRMaj[groupCount];
                for (int i = 1; i < groupCount; i++) {
                    stateJacobians[i] = new DMatrixRMaj(size[i], stateSize);
                }
            }
            return stateJacobians[g];
        }

        /** Lazily: only RTRL and the contract checks need them. */
        DMatrixRMaj parameterJacobian(int g) {
            if (parameterJacobians == null) {
                parameterJacobians = new DMatrixRMaj[groupCount];
                for (int i = 1; i < groupCount; i++) {
                    parameterJacobians[i] = new DMatrixRMaj(size[i], parameters.size());
                }
            }
            return parameterJacobians[g];
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

    /** {@link #unroll}: a tape of a whole window. */
    private final class Window implements Unrolled {
        private final Tape tape;
        private int steps;

        Window(int batch, int capacity) {
            tape = new Tape(batch, capacity, true);
        }

        @Override
        public int batchSize() {
            return tape.batch;
        }

        @Override
        public int capacity() {
            return tape.capacity;
        }

        @Override
        public void forward(DMatrixRMaj initialState, List<DMatrixRMaj> inputs) {
            int count = inputs.size();
            if (count == 0 || count > tape.capacity) {
                throw new IllegalArgumentException(count + " steps for an unrolled network of 1.." + tape.capacity);
            }
            checkShape(initialState, tape.batch, stateSize, "initial state");
            int length = tape.batch * size[0];
            for (int t = 0; t < count; t++) {
                DMatrixRMaj input = inputs.get(t);
                if (input.numRows != tape.batch || input.numCols != size[0]) {
                    checkShape(input, tape.batch, size[0], "input of step " + t);  // says what is wrong
                }
                copy(input.data, 0, tape.value[0], offset(tape, 0, t, 0), length);
            }
            setStateBefore(tape, initialState);
            steps = 0;
            for (int c = 0; c < weight.length; c++) {
                if (kind[c] == Kind.FULL) {  // once per window: its steps' products all read the same weights
                    tape.held[c] = kernels.hold(weight[c].data, 0, weight[c].data.length, tape.held[c]);
                }
            }
            run(tape, count);
            steps = count;
        }

        @Override
        public DMatrixRMaj output(int t) {
            readOutput(tape, Objects.checkIndex(t, steps), tape.output);
            return tape.output;
        }

        @Override
        public DMatrixRMaj state(int t) {
            Objects.checkIndex(t, steps);
            for (int g : stateGroups) {
                copyColumns(tape.value[g], offset(tape, g, t, 0), size[g], tape.state, stateOffset[g]);
            }
            return tape.state;
        }

        @Override
        public void backward(List<DMatrixRMaj> outputGradients, DMatrixRMaj stateGradient, Parameters gradient) {
            if (outputGradients.size() != steps) {
                throw new IllegalArgumentException(outputGradients.size() + " output gradients for " + steps + " steps");
            }
            checkShape(stateGradient, tape.batch, stateSize, "state gradient");
            checkLayout(gradient);
            clearGradients(tape, steps, false);
            for (int t = 0; t < steps; t++) {
                DMatrixRMaj outputGradient = outputGradients.get(t);
                if (outputGradient.numRows != tape.batch || outputGradient.numCols != outputSize) {
                    checkShape(outputGradient, tape.batch, outputSize, "output gradient of step " + t);  // says what is wrong
                }
                addOutputGradient(tape, t, outputGradient);
            }
            addStateGradient(tape, steps - 1, stateGradient);
            runBackward(tape, steps, false, gradient.blocks());
            getStateGradientBefore(tape, stateGradient);
        }
    }
}
