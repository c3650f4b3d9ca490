package org.rnn4j.trainers;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.graph.MatrixKernels;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;

/**
 * RTRL's recurrence, the one place it is written: for every row of a batch the sensitivity of the
 * state to every parameter, P = ∂s/∂θ (n × p), carried forward step by step,
 *
 * <pre>    P_t = (∂s_t/∂s_{t-1}) P_{t-1} + ∂s_t/∂θ|immediate,   ∂L_t/∂θ += (∂L_t/∂s_{t-1}) P_{t-1}.</pre>
 *
 * Used by the batch session ({@link RtrlSession}) and the online learner ({@link RtrlLearner}).
 * Allocates nothing after construction.
 */
final class Sensitivities {

    private final Network network;
    private final DMatrixRMaj[] current;
    private final DMatrixRMaj[] next;
    private final DMatrixRMaj jacobian;

    Sensitivities(Network network, int rows) {
        this.network = network;
        int n = network.stateSize();
        int p = network.parameters().size();
        current = new DMatrixRMaj[rows];
        next = new DMatrixRMaj[rows];
        for (int row = 0; row < rows; row++) {
            current[row] = new DMatrixRMaj(n, p);
            next[row] = new DMatrixRMaj(n, p);
        }
        jacobian = new DMatrixRMaj(n, n);
    }

    /** P = 0 for every row: the start of a sequence, whose initial state does not depend on θ. */
    void reset() {
        for (DMatrixRMaj sensitivity : current) {
            sensitivity.zero();
        }
    }

    /**
     * {@code gradient} += Σ_rows (∂L/∂s_{t-1})[row] · P_{t-1}[row], with {@code previousGradient}
     * (rows × n) from the step's {@code backward}; call before {@link #advance}.
     */
    void addGradient(DMatrixRMaj previousGradient, double[] gradient) {
        int n = network.stateSize();
        int p = gradient.length;
        for (int row = 0; row < current.length; row++) {
            double[] sensitivity = current[row].data;
            for (int i = 0; i < n; i++) {
                double v = previousGradient.data[row * n + i];
                if (v == 0) {
                    continue;
                }
                int base = i * p;
                for (int k = 0; k < p; k++) {
                    gradient[k] += v * sensitivity[base + k];
                }
            }
        }
    }

    /** P_{t-1} → P_t for every row, from the step held in {@code cache}. */
    void advance(StepCache cache) {
        for (int row = 0; row < current.length; row++) {
            network.stateJacobian(cache, row, jacobian);
            MatrixKernels.best().mult(jacobian, current[row], next[row]);
            network.addParameterJacobian(cache, row, next[row]);
            DMatrixRMaj swap = current[row];
            current[row] = next[row];
            next[row] = swap;
        }
    }

    /**
     * Teacher forcing of {@code row}: state columns {@code from … from + count − 1} were replaced
     * by targets, which do not depend on θ.
     */
    void clearColumns(int row, int from, int count) {
        int p = current[row].numCols;
        Arrays.fill(current[row].data, from * p, (from + count) * p, 0.0);
    }
}
