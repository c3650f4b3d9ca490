package org.rnn4j.trainers;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.api.training.ParameterUpdater;

/**
 * RTRL, SnAp-1 or UORO on an endless stream, one sequence: the influence ({@link Influence}, the
 * same recurrence as the batch session's) is carried from step to step, and each arriving target
 * updates the parameters at once (as {@code update = step}), with teacher forcing when the
 * trainer's settings ask for it.
 */
final class RtrlLearner implements OnlineLearner {

    private final Network network;
    private final Loss loss;
    private final ParameterUpdater updater;
    private final boolean teacherForcing;
    private final StepCache cache;
    private final DMatrixRMaj state;
    private final DMatrixRMaj input;
    private final DMatrixRMaj target;
    private final DMatrixRMaj outputGradient;
    private final DMatrixRMaj noStateGradient;
    private final DMatrixRMaj previousGradient;
    private final Influence sensitivities;
    private final Parameters direct;
    private final Parameters gradient;
    private final double[] flat;
    private boolean pending;

    RtrlLearner(Network network, Loss loss, ParameterUpdater updater, boolean teacherForcing, Influence.Kind influence) {
        this.network = network;
        this.loss = loss;
        this.updater = updater;
        this.teacherForcing = teacherForcing;
        int n = network.stateSize();
        cache = network.newStepCache(1);
        state = new DMatrixRMaj(1, n);
        input = new DMatrixRMaj(1, network.inputSize());
        target = new DMatrixRMaj(1, network.outputSize());
        outputGradient = new DMatrixRMaj(1, network.outputSize());
        noStateGradient = new DMatrixRMaj(1, n);
        previousGradient = new DMatrixRMaj(1, n);
        sensitivities = influence.make(network, 1);
        direct = network.parameters().zerosLike();
        gradient = network.parameters().zerosLike();
        flat = new double[network.parameters().size()];
        reset();
    }

    @Override
    public void reset() {
        network.initialState(state);
        sensitivities.reset();
        pending = false;
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
            sensitivities.addGradient(previousGradient, flat);
        }
        sensitivities.advance(cache);
        state.setTo(cache.state());
        if (learning && teacherForcing) {
            int offset = network.outputStateOffset();
            System.arraycopy(target.data, 0, state.data, offset, target.data.length);
            sensitivities.clearColumns(0, offset, target.data.length);
        }
        if (learning) {
            gradient.unflatten(flat);
            updater.update(network.parameters(), gradient);
        }
    }
}
