package org.rnn4j.api.network;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/** {@link Network#unroll}'s default: a step cache per step, forward and backward step by step. */
final class StepwiseUnrolled implements Unrolled {

    private final Network network;
    private final StepCache[] caches;
    private final DMatrixRMaj workspace;
    private int steps;
    /** The caches of the last forward's steps, as a list that allocates nothing. */
    private final List<StepCache> used = new AbstractList<>() {
        @Override
        public StepCache get(int t) {
            return caches[Objects.checkIndex(t, steps)];
        }

        @Override
        public int size() {
            return steps;
        }
    };

    StepwiseUnrolled(Network network, int batchSize, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("an unrolled network needs at least one step: " + capacity);
        }
        this.network = network;
        this.caches = new StepCache[capacity];
        for (int t = 0; t < capacity; t++) {
            caches[t] = network.newStepCache(batchSize);
        }
        this.workspace = new DMatrixRMaj(batchSize, network.stateSize());
    }

    @Override
    public int batchSize() {
        return caches[0].batchSize();
    }

    @Override
    public int capacity() {
        return caches.length;
    }

    @Override
    public void forward(DMatrixRMaj initialState, List<DMatrixRMaj> inputs) {
        if (inputs.isEmpty() || inputs.size() > caches.length) {
            throw new IllegalArgumentException(inputs.size() + " steps for an unrolled network of 1.." + caches.length);
        }
        steps = inputs.size();
        DMatrixRMaj previous = initialState;
        for (int t = 0; t < steps; t++) {
            network.forward(previous, inputs.get(t), caches[t]);
            previous = caches[t].state();
        }
    }

    @Override
    public DMatrixRMaj output(int t) {
        return caches[Objects.checkIndex(t, steps)].output();
    }

    @Override
    public DMatrixRMaj state(int t) {
        return caches[Objects.checkIndex(t, steps)].state();
    }

    @Override
    public void backward(List<DMatrixRMaj> outputGradients, DMatrixRMaj stateGradient, Parameters gradient) {
        if (outputGradients.size() != steps) {
            throw new IllegalArgumentException(outputGradients.size() + " output gradients for " + steps + " steps");
        }
        network.backwardThroughTime(used, outputGradients, stateGradient, workspace, gradient);
    }
}
