package org.rnn4j.api.network;

import org.ejml.data.DMatrixRMaj;

/**
 * RTRL's two Jacobians derived from a network's {@link Network#backward}: one vector–Jacobian
 * product per state unit i, with ∂L/∂s_t = e_i on the requested row and ∂L/∂y_t = 0, gives row i
 * of ∂s_t/∂s_{t-1} (the returned ∂L/∂s_{t-1}) and of the immediate ∂s_t/∂θ (the accumulated
 * ∂L/∂θ — the other rows of the batch contribute nothing). {@link Network}'s default methods call
 * these, so that a network written with {@code forward} and {@code backward} alone trains with
 * RTRL and passes the tck; the cost is n backward passes over the step's batch per call, and a
 * few arrays allocated per call. A network may override them for speed; the tck checks that an
 * override gives what these give.
 */
public final class JacobiansFromBackward {

    private JacobiansFromBackward() {
    }

    /** ∂s_t/∂s_{t-1} of sequence {@code row} into {@code jacobian} (n × n), through {@code backward}. */
    public static void stateJacobian(Network network, StepCache cache, int row, DMatrixRMaj jacobian) {
        int n = network.stateSize();
        Workspace work = new Workspace(network, cache);
        for (int i = 0; i < n; i++) {
            work.backward(network, cache, row, i);
            System.arraycopy(work.previous.data, row * n, jacobian.data, i * n, n);
        }
    }

    /** Adds the immediate ∂s_t/∂θ of sequence {@code row} into {@code sensitivity} (n × p), through {@code backward}. */
    public static void addParameterJacobian(Network network, StepCache cache, int row, DMatrixRMaj sensitivity) {
        int n = network.stateSize();
        int p = network.parameters().size();
        Workspace work = new Workspace(network, cache);
        double[] flat = new double[p];
        for (int i = 0; i < n; i++) {
            work.backward(network, cache, row, i);
            work.gradient.flatten(flat);
            int base = i * p;
            for (int k = 0; k < p; k++) {
                sensitivity.data[base + k] += flat[k];
            }
        }
    }

    /** What one backward pass per state unit needs. */
    private static final class Workspace {
        final DMatrixRMaj outputGradient;
        final DMatrixRMaj stateGradient;
        final DMatrixRMaj previous;
        final Parameters gradient;

        Workspace(Network network, StepCache cache) {
            int batch = cache.batchSize();
            outputGradient = new DMatrixRMaj(batch, network.outputSize());
            stateGradient = new DMatrixRMaj(batch, network.stateSize());
            previous = new DMatrixRMaj(batch, network.stateSize());
            gradient = network.parameters().zerosLike();
        }

        /** One vector–Jacobian product with ∂L/∂s_t = e_unit on {@code row}. */
        void backward(Network network, StepCache cache, int row, int unit) {
            stateGradient.zero();
            stateGradient.set(row, unit, 1);
            gradient.zero();
            network.backward(cache, outputGradient, stateGradient, gradient, previous, null);
        }
    }
}
