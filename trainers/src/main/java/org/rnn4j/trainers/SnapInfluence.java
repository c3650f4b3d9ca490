package org.rnn4j.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * SnAp-1 (Menick et al., "Practical Real Time Recurrent Learning with a Sparse Approximation",
 * ICLR 2021): RTRL's influence M = ∂s/∂θ kept only where the immediate Jacobian ∂s_t/∂θ can be
 * non-zero — for a weight, the unit (or units) it feeds within the step — and dropped elsewhere:
 *
 * <pre>    M_t[u, j] = ∂s_t[u]/∂θ_j|immediate + Σ_{k ∈ U_j} (∂s_t/∂s_{t-1})[u, k] · M_{t-1}[k, j],   u ∈ U_j.</pre>
 *
 * Where every parameter feeds one unit and the recurrence is diagonal (a self-recurrent hidden
 * layer) nothing is dropped and SnAp-1 is RTRL; on the first step of any network too. The pattern
 * U_j is found once, from the immediate Jacobian at random parameters, state and input.
 *
 * <p>Per row and step it reads the state Jacobian (n × n) and the immediate Jacobian on the pattern.
 * A network that gives its pattern ({@link Network#parameterUnits()}: the graph kit's, where every
 * weight reaches one unit within a step — fully recurrent, Elman and partially recurrent networks
 * of one hidden layer) computes only the pattern's entries: O(n² + p) per step, no n × p matrix.
 * Otherwise (Jordan, stacked layers, hand-written networks) the immediate Jacobian is formed densely
 * through {@link Network#addParameterJacobian}: O(n·p) time and one n × p workspace — still less
 * than RTRL's O(n²·p) and two n × p matrices per row. The influence itself is one value per
 * pattern entry (about p for a dense layer).
 */
final class SnapInfluence implements Influence {

    private final Network network;
    private final int rows;
    private final int n;
    private final int p;
    /** Pattern entries of parameter j: start[j] … start[j + 1] − 1, each naming its unit. */
    private final int[] start;
    private final int[] unit;
    private double[][] current;
    private double[][] next;
    private final DMatrixRMaj jacobian;
    /** The immediate Jacobian, n × p, for a network that does not give its pattern; else null. */
    private final DMatrixRMaj immediate;
    /** The immediate Jacobian on the pattern, one value per parameter, for a network that gives it; else null. */
    private final double[] onUnits;

    SnapInfluence(Network network, int rows) {
        this.network = network;
        this.rows = rows;
        this.n = network.stateSize();
        this.p = network.parameters().size();
        this.jacobian = new DMatrixRMaj(n, n);
        int[] given = network.parameterUnits();
        this.immediate = given == null ? new DMatrixRMaj(n, p) : null;
        this.onUnits = given == null ? null : new double[p];
        start = new int[p + 1];
        if (given != null) {  // one entry per parameter that reaches a unit: no n × p anything
            int entries = 0;
            for (int j = 0; j < p; j++) {
                start[j] = entries;
                entries += given[j] >= 0 ? 1 : 0;
            }
            start[p] = entries;
            unit = new int[entries];
            for (int j = 0; j < p; j++) {
                if (given[j] >= 0) {
                    unit[start[j]] = given[j];
                }
            }
        } else {
            boolean[] pattern = pattern(network, immediate);
            List<Integer> units = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                start[j] = units.size();
                for (int u = 0; u < n; u++) {
                    if (pattern[u * p + j]) {
                        units.add(u);
                    }
                }
            }
            start[p] = units.size();
            unit = units.stream().mapToInt(Integer::intValue).toArray();
        }
        current = new double[rows][unit.length];
        next = new double[rows][unit.length];
    }

    /** How many values the influence keeps per row: the pattern's entries. */
    int entries() {
        return unit.length;
    }

    /** Whether the network gives its pattern, so that no n × p matrix is formed. */
    boolean sparse() {
        return onUnits != null;
    }

    /**
     * Where the immediate Jacobian can be non-zero: its non-zeros at two draws of random
     * parameters (uniform in ±0.5), state and input; the network's own parameters are restored.
     */
    private static boolean[] pattern(Network network, DMatrixRMaj workspace) {
        int n = network.stateSize();
        Parameters saved = network.parameters().copy();
        SplittableRandom random = new SplittableRandom(0x5a1a);
        boolean[] pattern = new boolean[n * network.parameters().size()];
        StepCache cache = network.newStepCache(1);
        try {
            for (int draw = 0; draw < 2; draw++) {
                for (Parameters.Block block : network.parameters().blocks()) {
                    double[] values = block.value().data;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = random.nextDouble(-0.5, 0.5);
                    }
                }
                DMatrixRMaj state = new DMatrixRMaj(1, n);
                DMatrixRMaj input = new DMatrixRMaj(1, network.inputSize());
                for (int i = 0; i < n; i++) {
                    state.data[i] = random.nextDouble(-1, 1);
                }
                for (int i = 0; i < input.data.length; i++) {
                    input.data[i] = random.nextDouble(-1, 1);
                }
                network.forward(state, input, cache);
                workspace.zero();
                network.addParameterJacobian(cache, 0, workspace);
                for (int i = 0; i < pattern.length; i++) {
                    pattern[i] |= workspace.data[i] != 0;
                }
            }
        } finally {
            network.parameters().setFrom(saved);
        }
        return pattern;
    }

    @Override
    public void reset() {
        for (double[] values : current) {
            java.util.Arrays.fill(values, 0);
        }
    }

    @Override
    public void addGradient(DMatrixRMaj previousGradient, double[] gradient) {
        for (int row = 0; row < rows; row++) {
            double[] values = current[row];
            int base = row * n;
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int e = start[j]; e < start[j + 1]; e++) {
                    sum += previousGradient.data[base + unit[e]] * values[e];
                }
                gradient[j] += sum;
            }
        }
    }

    @Override
    public void advance(StepCache cache) {
        for (int row = 0; row < rows; row++) {
            network.stateJacobian(cache, row, jacobian);
            double[] old = current[row];
            double[] values = next[row];
            if (onUnits != null) {
                // One unit per parameter: M[u, j] = ∂s[u]/∂θ_j|immediate + J[u, u] · M[u, j], in O(p).
                network.parameterJacobianOnUnits(cache, row, onUnits);
                for (int j = 0; j < p; j++) {
                    int e = start[j];
                    if (e < start[j + 1]) {
                        int u = unit[e];
                        values[e] = jacobian.data[u * n + u] * old[e] + onUnits[j];
                    }
                }
                continue;
            }
            immediate.zero();
            network.addParameterJacobian(cache, row, immediate);
            for (int j = 0; j < p; j++) {
                for (int e = start[j]; e < start[j + 1]; e++) {
                    int u = unit[e];
                    double sum = 0;
                    for (int f = start[j]; f < start[j + 1]; f++) {
                        sum += jacobian.data[u * n + unit[f]] * old[f];
                    }
                    values[e] = sum + immediate.data[u * p + j];
                }
            }
        }
        double[][] swap = current;
        current = next;
        next = swap;
    }

    @Override
    public void clearColumns(int row, int from, int count) {
        double[] values = current[row];
        for (int e = 0; e < unit.length; e++) {
            if (unit[e] >= from && unit[e] < from + count) {
                values[e] = 0;
            }
        }
    }
}
