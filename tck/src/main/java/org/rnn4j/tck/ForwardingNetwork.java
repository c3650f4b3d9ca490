package org.rnn4j.tck;

import static java.util.Objects.requireNonNull;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * A network that forwards every call to another. Override one method to spoil a derivative and
 * see the contract checks fail — the way to show your own checks can fail.
 */
public class ForwardingNetwork implements Network {

    private final Network network;

    public ForwardingNetwork(Network network) {
        this.network = requireNonNull(network, "network is null");
    }

    @Override
    public int inputSize() {
        return network.inputSize();
    }

    @Override
    public int outputSize() {
        return network.outputSize();
    }

    @Override
    public int stateSize() {
        return network.stateSize();
    }

    @Override
    public int outputStateOffset() {
        return network.outputStateOffset();
    }

    @Override
    public Parameters parameters() {
        return network.parameters();
    }

    @Override
    public StepCache newStepCache(int batchSize) {
        return network.newStepCache(batchSize);
    }

    @Override
    public void initialState(DMatrixRMaj state) {
        network.initialState(state);
    }

    @Override
    public void forward(DMatrixRMaj previousState, DMatrixRMaj input, StepCache cache) {
        network.forward(previousState, input, cache);
    }

    @Override
    public void backward(StepCache cache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient, Parameters gradient,
                         DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
        network.backward(cache, outputGradient, stateGradient, gradient, previousStateGradient, inputGradient);
    }

    @Override
    public void stateJacobian(StepCache cache, int row, DMatrixRMaj jacobian) {
        network.stateJacobian(cache, row, jacobian);
    }

    @Override
    public void addParameterJacobian(StepCache cache, int row, DMatrixRMaj sensitivity) {
        network.addParameterJacobian(cache, row, sensitivity);
    }
}
