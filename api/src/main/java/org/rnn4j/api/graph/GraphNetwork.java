package org.rnn4j.api.graph;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Activation;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.graph.LayerGraph.Connection;
import org.rnn4j.api.graph.LayerGraph.Group;
import org.rnn4j.api.graph.LayerGraph.Kind;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * The {@link Network} of a {@link LayerGraph}: forward pass, back-propagation, state Jacobian
 * and parameter Jacobian derived once from the graph, for every topology declared with it.
 *
 * <p>Parameters are laid out group by group in evaluation order: the weights of each trainable
 * incoming connection (named after the connection; a {@link Kind#FULL} block is
 * {@code target-units × source-units}, a {@link Kind#DIAGONAL} block {@code 1 × units}), then the
 * group's bias ({@code <group>.bias}, {@code 1 × units}). Steps allocate nothing once their cache
 * exists.
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
     * reads at that delay). Their values and gradients share the source's previous values and
     * previous gradients instead of being copied there and back each step; the numbers are the
     * same bit for bit, as x · 1 = x and 0 + x = x.
     */
    private final boolean[] passThrough;
    /** The state is one group's values ({@link Cache#state} shares them), likewise the output. */
    private final boolean stateIsGroup;
    private final boolean outputIsGroup;
    private final int outputGroup;
    private final int outputOffset;
    private final int outputSize;
    private final int stateSize;
    private final Parameters parameters;
    private final MatrixKernels kernels = MatrixKernels.best();
    /** The steps' deltas of one group, and the values one connection saw, stacked row after row by {@link #backwardThroughTime}. */
    private final DMatrixRMaj stackedDelta = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj stackedSource = new DMatrixRMaj(1, 1);
    /** While {@link #backwardThroughTime} runs: {@link #backward} leaves the full weight matrices' gradients to it. */
    private boolean stackingWeightGradients;

    GraphNetwork(LayerGraph graph) {
        this.graph = graph;
        List<Group> groups = graph.groups();
        List<Connection> connections = graph.connections();
        groupCount = groups.size();
        size = new int[groupCount];
        activation = new Activation[groupCount];
        linear = new boolean[groupCount];
        for (int g = 0; g < groupCount; g++) {
            size[g] = groups.get(g).size();
            activation[g] = groups.get(g).activation();
            linear[g] = activation[g] instanceof Identity;
        }
        int connectionCount = connections.size();
        from = new int[connectionCount];
        delay = new int[connectionCount];
        kind = new Kind[connectionCount];
        fixedWeight = new double[connectionCount];
        int[] to = new int[connectionCount];
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
                layout.add(groups.get(g).name() + ".bias", 1, size[g]);
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
                        && size[from[c]] == size[g] && onlyReader(c);
            }
        }
        stateIsGroup = stateGroups.length == 1 && size[stateGroups[0]] == stateSize;
        outputIsGroup = outputOffset == 0 && outputSize == size[outputGroup];
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
        checkShape(input, batch, size[0], "input");
        checkShape(previousState, batch, stateSize, "previous state");
        cache.value[0].setTo(input);
        for (int g : stateGroups) {
            copyColumns(previousState, stateOffset[g], cache.previous[g], 0, size[g]);
        }
        for (int g = 1; g < groupCount; g++) {
            if (passThrough[g]) {
                continue;  // its values are the source's previous ones, copied in above
            }
            DMatrixRMaj z = cache.sum[g];
            int width = size[g];
            if (bias[g] != null) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(bias[g].data, 0, z.data, b * width, width);
                }
            } else {
                z.zero();
            }
            for (int c : incoming[g]) {
                DMatrixRMaj source = delay[c] == 0 ? cache.value[from[c]] : cache.previous[from[c]];
                switch (kind[c]) {
                    case FULL -> kernels.multAddTransB(source, weight[c], z);
                    case DIAGONAL -> addScaledRows(weight[c].data, source, z);
                    case FIXED -> addScaled(fixedWeight[c], source, z);
                }
            }
            if (!linear[g]) {
                int n = batch * width;
                activation[g].values(z.data, cache.value[g].data, n);
                activation[g].derivatives(z.data, cache.value[g].data, cache.slope[g].data, n);
            }
        }
        if (!stateIsGroup) {
            for (int g : stateGroups) {
                copyColumns(cache.value[g], 0, cache.state, stateOffset[g], size[g]);
            }
        }
        if (!outputIsGroup) {
            copyColumns(cache.value[outputGroup], outputOffset, cache.output, 0, outputSize);
        }
    }

    /**
     * Step by step, but the gradients of the full weight matrices come last, each as one product
     * over every step's rows: Σ_t δ_tᵀ · x_t = Δᵀ · X with the steps stacked. Instead of a small
     * product per step (whose cost is mostly the call's for a small network, and copying the
     * gradient in and out of native memory for a large one) there is one large one, which is
     * also what a BLAS does fastest.
     */
    @Override
    public void backwardThroughTime(List<? extends StepCache> caches, List<DMatrixRMaj> outputGradients,
                                    DMatrixRMaj stateGradient, DMatrixRMaj workspace, Parameters gradient) {
        stackingWeightGradients = true;
        try {
            Network.super.backwardThroughTime(caches, outputGradients, stateGradient, workspace, gradient);
        } finally {
            stackingWeightGradients = false;
        }
        if (caches.isEmpty()) {
            return;
        }
        List<Parameters.Block> gradientBlocks = gradient.blocks();
        for (int g = 1; g < groupCount; g++) {
            boolean stacked = false;
            for (int c : incoming[g]) {
                if (kind[c] != Kind.FULL) {
                    continue;
                }
                if (!stacked) {
                    stack(caches, g, Part.DELTA, stackedDelta);
                    stacked = true;
                }
                stack(caches, from[c], delay[c] == 0 ? Part.VALUE : Part.PREVIOUS, stackedSource);
                kernels.multAddTransA(stackedDelta, stackedSource, gradientBlocks.get(weightBlock[c]).value());
            }
        }
    }

    /** What {@link #stack} gathers from each step's cache. */
    private enum Part { DELTA, VALUE, PREVIOUS }

    /** Copies group {@code g}'s {@code part} of every step into {@code target}, step after step. */
    private void stack(List<? extends StepCache> caches, int g, Part part, DMatrixRMaj target) {
        int batch = caches.get(0).batchSize();
        int length = batch * size[g];
        target.reshape(caches.size() * batch, size[g]);
        for (int t = 0; t < caches.size(); t++) {
            Cache cache = (Cache) caches.get(t);
            DMatrixRMaj m = switch (part) {
                case DELTA -> cache.delta[g];
                case VALUE -> cache.value[g];
                case PREVIOUS -> cache.previous[g];
            };
            System.arraycopy(m.data, 0, target.data, t * length, length);
        }
    }

    @Override
    public void backward(StepCache stepCache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient,
                         Parameters gradient, DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        Cache cache = (Cache) stepCache;
        int batch = cache.batch;
        checkShape(outputGradient, batch, outputSize, "output gradient");
        checkShape(stateGradient, batch, stateSize, "state gradient");
        checkShape(previousStateGradient, batch, stateSize, "previous state gradient");
        if (inputGradient != null) {
            checkShape(inputGradient, batch, size[0], "input gradient");
        }
        if (gradient.size() != parameters.size() || gradient.blocks().size() != parameters.blocks().size()) {
            throw new IllegalArgumentException("gradient layout differs from the parameters: " + gradient);
        }
        List<Parameters.Block> gradientBlocks = gradient.blocks();
        boolean inputGradientNeeded = inputGradient != null || stateOffset[0] >= 0;
        // A value gradient whose first contribution is all of the output (or state) gradient is
        // set to it, not cleared and added to: the same numbers (0 + x = x, up to the sign of an
        // exact zero, which no sum with a non-zero term keeps), a pass less.
        boolean outputCopied = outputIsGroup;
        int stateCopied = stateIsGroup && stateGroups[0] != outputGroup ? stateGroups[0] : -1;
        for (int g = inputGradientNeeded ? 0 : 1; g < groupCount; g++) {
            if (!passThrough[g] && !(outputCopied && g == outputGroup) && g != stateCopied) {
                cache.valueGradient[g].zero();  // a pass-through group's are its source's previous gradients
            }
            if (stateOffset[g] >= 0) {
                cache.previousGradient[g].zero();
            }
        }
        if (outputCopied) {
            System.arraycopy(outputGradient.data, 0, cache.valueGradient[outputGroup].data, 0, batch * outputSize);
        } else {
            addColumns(outputGradient, 0, cache.valueGradient[outputGroup], outputOffset, outputSize);
        }
        for (int g : stateGroups) {
            if (g == stateCopied) {
                System.arraycopy(stateGradient.data, 0, cache.valueGradient[g].data, 0, batch * stateSize);
            } else {
                addColumns(stateGradient, stateOffset[g], cache.valueGradient[g], 0, size[g]);
            }
        }
        for (int g = groupCount - 1; g >= 1; g--) {
            if (passThrough[g]) {
                continue;  // its gradients already are the source's previous gradients
            }
            DMatrixRMaj delta = cache.delta[g];
            double[] biasGradient = bias[g] == null ? null : gradientBlocks.get(biasBlock[g]).value().data;
            if (!linear[g]) {
                multiplyElements(cache.valueGradient[g], cache.slope[g], delta, biasGradient);
            } else if (biasGradient != null) {
                addColumnSums(delta, biasGradient);
            }
            for (int c : incoming[g]) {
                int source = from[c];
                DMatrixRMaj sourceValue = delay[c] == 0 ? cache.value[source] : cache.previous[source];
                DMatrixRMaj sourceGradient = delay[c] == 0 ? cache.valueGradient[source] : cache.previousGradient[source];
                boolean propagate = delay[c] == 1 || source > 0 || inputGradient != null;
                switch (kind[c]) {
                    case FULL -> {
                        if (!stackingWeightGradients) {
                            kernels.multAddTransA(delta, sourceValue, gradientBlocks.get(weightBlock[c]).value());
                        }
                        if (propagate) {
                            kernels.multAdd(delta, weight[c], sourceGradient);
                        }
                    }
                    case DIAGONAL -> {
                        addColumnSumsOfProduct(delta, sourceValue, gradientBlocks.get(weightBlock[c]).value().data);
                        if (propagate) {
                            addScaledRows(weight[c].data, delta, sourceGradient);
                        }
                    }
                    case FIXED -> {
                        if (propagate) {
                            addScaled(fixedWeight[c], delta, sourceGradient);
                        }
                    }
                }
            }
        }
        for (int g : stateGroups) {
            copyColumns(cache.previousGradient[g], 0, previousStateGradient, stateOffset[g], size[g]);
        }
        if (inputGradient != null) {
            inputGradient.setTo(cache.valueGradient[0]);
        }
    }

    @Override
    public void stateJacobian(StepCache stepCache, int row, DMatrixRMaj jacobian) {
        Cache cache = (Cache) stepCache;
        checkShape(jacobian, stateSize, stateSize, "state Jacobian");
        for (int g = 1; g < groupCount; g++) {
            if (!dependsOnState[g]) {
                continue;
            }
            DMatrixRMaj j = cache.stateJacobian(g);
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
                    DMatrixRMaj chained = cache.stateJacobian(source);
                    switch (kind[c]) {
                        case FULL -> kernels.multAdd(weight[c], chained, j);
                        case DIAGONAL -> addScaledRowsOfMatrix(weight[c].data, 0, chained, j);
                        case FIXED -> addScaledRowsOfMatrix(null, fixedWeight[c], chained, j);
                    }
                }
            }
            scaleRows(j, cache.slope[g], row);
        }
        jacobian.zero();
        for (int g : stateGroups) {
            if (dependsOnState[g]) {
                DMatrixRMaj j = cache.stateJacobian(g);
                System.arraycopy(j.data, 0, jacobian.data, stateOffset[g] * stateSize, j.getNumElements());
            }
        }
    }

    @Override
    public void addParameterJacobian(StepCache stepCache, int row, DMatrixRMaj sensitivity) {
        Cache cache = (Cache) stepCache;
        int p = parameters.size();
        checkShape(sensitivity, stateSize, p, "parameter sensitivity");
        for (int g = 1; g < groupCount; g++) {
            DMatrixRMaj j = cache.parameterJacobian(g);
            j.zero();
            int width = size[g];
            for (int c : incoming[g]) {
                int source = from[c];
                if (delay[c] == 0 && source > 0) {
                    DMatrixRMaj chained = cache.parameterJacobian(source);
                    switch (kind[c]) {
                        case FULL -> kernels.multAdd(weight[c], chained, j);
                        case DIAGONAL -> addScaledRowsOfMatrix(weight[c].data, 0, chained, j);
                        case FIXED -> addScaledRowsOfMatrix(null, fixedWeight[c], chained, j);
                    }
                }
                DMatrixRMaj values = delay[c] == 0 ? cache.value[source] : cache.previous[source];
                int sourceWidth = size[source];
                int base = row * sourceWidth;
                if (kind[c] == Kind.FULL) {
                    for (int r = 0; r < width; r++) {
                        int column = r * p + weightOffset[c] + r * sourceWidth;
                        for (int k = 0; k < sourceWidth; k++) {
                            j.data[column + k] += values.data[base + k];
                        }
                    }
                } else if (kind[c] == Kind.DIAGONAL) {
                    for (int r = 0; r < width; r++) {
                        j.data[r * p + weightOffset[c] + r] += values.data[base + r];
                    }
                }
            }
            if (bias[g] != null) {
                for (int r = 0; r < width; r++) {
                    j.data[r * p + biasOffset[g] + r] += 1;
                }
            }
            scaleRows(j, cache.slope[g], row);
        }
        for (int g : stateGroups) {
            if (g > 0) {
                DMatrixRMaj j = cache.parameterJacobian(g);
                int base = stateOffset[g] * p;
                for (int i = 0; i < j.getNumElements(); i++) {
                    sensitivity.data[base + i] += j.data[i];
                }
            }
        }
    }

    /** target[b][r] += scale[r] · source[b][r]. */
    private static void addScaledRows(double[] scale, DMatrixRMaj source, DMatrixRMaj target) {
        int width = source.numCols;
        for (int b = 0; b < source.numRows; b++) {
            int base = b * width;
            for (int r = 0; r < width; r++) {
                target.data[base + r] += scale[r] * source.data[base + r];
            }
        }
    }

    /** target += scale · source, element-wise. */
    private static void addScaled(double scale, DMatrixRMaj source, DMatrixRMaj target) {
        for (int i = 0, n = source.getNumElements(); i < n; i++) {
            target.data[i] += scale * source.data[i];
        }
    }

    /** product = a ⊙ c, element-wise, and sums[r] += Σ_b product[b][r] unless sums is null: one pass for both. */
    private static void multiplyElements(DMatrixRMaj a, DMatrixRMaj c, DMatrixRMaj product, double[] sums) {
        int width = a.numCols;
        for (int b = 0; b < a.numRows; b++) {
            int base = b * width;
            for (int r = 0; r < width; r++) {
                product.data[base + r] = a.data[base + r] * c.data[base + r];
            }
            if (sums != null) {
                for (int r = 0; r < width; r++) {
                    sums[r] += product.data[base + r];
                }
            }
        }
    }

    /** sums[r] += Σ_b m[b][r]. */
    private static void addColumnSums(DMatrixRMaj m, double[] sums) {
        int width = m.numCols;
        for (int b = 0; b < m.numRows; b++) {
            for (int r = 0; r < width; r++) {
                sums[r] += m.data[b * width + r];
            }
        }
    }

    /** sums[r] += Σ_b a[b][r] · c[b][r]. */
    private static void addColumnSumsOfProduct(DMatrixRMaj a, DMatrixRMaj c, double[] sums) {
        int width = a.numCols;
        for (int b = 0; b < a.numRows; b++) {
            for (int r = 0; r < width; r++) {
                sums[r] += a.data[b * width + r] * c.data[b * width + r];
            }
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

    private static void scaleRows(DMatrixRMaj m, DMatrixRMaj slope, int row) {
        int cols = m.numCols;
        int base = row * m.numRows;
        for (int r = 0; r < m.numRows; r++) {
            double s = slope.data[base + r];
            for (int k = r * cols, end = k + cols; k < end; k++) {
                m.data[k] *= s;
            }
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

    private static void copyColumns(DMatrixRMaj source, int sourceColumn, DMatrixRMaj target, int targetColumn, int width) {
        for (int b = 0; b < source.numRows; b++) {
            System.arraycopy(source.data, b * source.numCols + sourceColumn, target.data, b * target.numCols + targetColumn, width);
        }
    }

    private static void addColumns(DMatrixRMaj source, int sourceColumn, DMatrixRMaj target, int targetColumn, int width) {
        for (int b = 0; b < source.numRows; b++) {
            int s = b * source.numCols + sourceColumn;
            int t = b * target.numCols + targetColumn;
            for (int k = 0; k < width; k++) {
                target.data[t + k] += source.data[s + k];
            }
        }
    }

    private static void checkShape(DMatrixRMaj m, int rows, int cols, String what) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(what + " is " + m.numRows + "x" + m.numCols + ", expected " + rows + "x" + cols);
        }
    }

    /** Per-step values of every group, and workspaces for the derivatives. */
    private final class Cache implements StepCache {
        final int batch;
        final DMatrixRMaj[] sum = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] value = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] slope = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] previous = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] valueGradient = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] previousGradient = new DMatrixRMaj[groupCount];
        final DMatrixRMaj[] delta = new DMatrixRMaj[groupCount];
        final DMatrixRMaj state;
        final DMatrixRMaj output;
        private DMatrixRMaj[] stateJacobians;
        private DMatrixRMaj[] parameterJacobians;

        Cache(int batch) {
            if (batch <= 0) {
                throw new IllegalArgumentException("batch size must be positive: " + batch);
            }
            this.batch = batch;
            for (int g = 0; g < groupCount; g++) {
                if (stateOffset[g] >= 0) {
                    previous[g] = new DMatrixRMaj(batch, size[g]);
                    previousGradient[g] = new DMatrixRMaj(batch, size[g]);
                }
            }
            for (int g = 0; g < groupCount; g++) {
                if (passThrough[g]) {
                    int source = from[incoming[g][0]];
                    value[g] = previous[source];
                    valueGradient[g] = previousGradient[source];
                } else {
                    value[g] = new DMatrixRMaj(batch, size[g]);
                    valueGradient[g] = new DMatrixRMaj(batch, size[g]);
                }
                if (g > 0) {
                    slope[g] = new DMatrixRMaj(batch, size[g]);
                    if (linear[g]) {
                        sum[g] = value[g];
                        slope[g].fill(1);
                        delta[g] = valueGradient[g];
                    } else {
                        sum[g] = new DMatrixRMaj(batch, size[g]);
                        delta[g] = new DMatrixRMaj(batch, size[g]);
                    }
                }
            }
            state = stateIsGroup ? value[stateGroups[0]] : new DMatrixRMaj(batch, stateSize);
            output = outputIsGroup ? value[outputGroup] : new DMatrixRMaj(batch, outputSize);
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
}
