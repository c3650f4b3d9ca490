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
 * RTRL's {@link Influence}, exact. Allocates nothing after construction.
 */
final class Sensitivities implements Influence {

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

    @Override
    public void reset() {
        for (DMatrixRMaj sensitivity : current) {
            sensitivity.zero();
        }
    }

    @Override
    public void addGradient(DMatrixRMaj previousGradient, double[] gradient) {
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

    @Override
    public void advance(StepCache cache) {
        for (int row = 0; row < current.length; row++) {
            network.stateJacobian(cache, row, jacobian);
            MatrixKernels.best().mult(jacobian, current[row], next[row]);
            network.addParameterJacobian(cache, row, next[row]);
            DMatrixRMaj swap = current[row];
            current[row] = next[row];
            next[row] = swap;
        }
    }

    @Override
    public void clearColumns(int row, int from, int count) {
        int p = current[row].numCols;
        Arrays.fill(current[row].data, from * p, (from + count) * p, 0.0);
    }
}
