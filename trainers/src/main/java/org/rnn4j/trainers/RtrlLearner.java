package org.rnn4j.trainers;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.graph.MatrixKernels;
import org.rnn4j.api.Loss;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.api.training.ParameterUpdater;

/**
 * RTRL on an endless stream, one sequence: the sensitivities P = ∂s/∂θ are carried from step to
 * step, and each arriving target updates the parameters at once (as {@code update = step}).
 */
final class RtrlLearner implements OnlineLearner {

    private final Network network;
    private final Loss loss;
    private final ParameterUpdater updater;
    private final StepCache cache;
    private final DMatrixRMaj state;
    private final DMatrixRMaj input;
    private final DMatrixRMaj target;
    private final DMatrixRMaj outputGradient;
    private final DMatrixRMaj noStateGradient;
    private final DMatrixRMaj previousGradient;
    private final DMatrixRMaj jacobian;
    private DMatrixRMaj sensitivity;
    private DMatrixRMaj next;
    private final Parameters direct;
    private final Parameters gradient;
    private final double[] flat;
    private boolean pending;

    RtrlLearner(Network network, Loss loss, ParameterUpdater updater) {
        this.network = network;
        this.loss = loss;
        this.updater = updater;
        int n = network.stateSize();
        int p = network.parameters().size();
        cache = network.newStepCache(1);
        state = new DMatrixRMaj(1, n);
        network.initialState(state);
        input = new DMatrixRMaj(1, network.inputSize());
        target = new DMatrixRMaj(1, network.outputSize());
        outputGradient = new DMatrixRMaj(1, network.outputSize());
        noStateGradient = new DMatrixRMaj(1, n);
        previousGradient = new DMatrixRMaj(1, n);
        jacobian = new DMatrixRMaj(n, n);
        sensitivity = new DMatrixRMaj(n, p);
        next = new DMatrixRMaj(n, p);
        direct = network.parameters().zerosLike();
        gradient = network.parameters().zerosLike();
        flat = new double[p];
    }

    @Override
    public void predict(double[] values, double[] output) {
        if (pending) {
            learn(null);
        }
        System.arraycopy(values, 0, input.data, 0, input.data.length);
        network.forward(state, input, cache);
        System.arraycopy(cache.output().data, 0, output, 0, network.outputSize());
        pending = true;
    }

    @Override
    public void learn(double[] values) {
        if (!pending) {
            throw new IllegalStateException("learn() follows predict()");
        }
        pending = false;
        boolean learning = values != null;
        if (learning) {
            System.arraycopy(values, 0, target.data, 0, target.data.length);
            loss.evaluate(cache.output(), target, 0, 1.0, outputGradient);
            direct.zero();
            network.backward(cache, outputGradient, noStateGradient, direct, previousGradient, null);
            direct.flatten(flat);
            int n = network.stateSize();
            int p = flat.length;
            for (int i = 0; i < n; i++) {
                double g = previousGradient.data[i];
                if (g != 0) {
                    for (int k = 0; k < p; k++) {
                        flat[k] += g * sensitivity.data[i * p + k];
                    }
                }
            }
        }
        network.stateJacobian(cache, 0, jacobian);
        MatrixKernels.best().mult(jacobian, sensitivity, next);
        network.addParameterJacobian(cache, 0, next);
        DMatrixRMaj swap = sensitivity;
        sensitivity = next;
        next = swap;
        state.setTo(cache.state());
        if (learning) {
            gradient.unflatten(flat);
            updater.update(network.parameters(), gradient);
        }
    }
}
