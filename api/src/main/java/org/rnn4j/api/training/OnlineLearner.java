package org.rnn4j.api.training;

/**
 * A network learning while its data arrives, one step at a time: {@link #predict} the step's
 * output from its input, then {@link #learn} from its target once known (or from none), before
 * the next step. Made by trainers that can ({@link org.rnn4j.api.Trainer#online}).
 */
public interface OnlineLearner {

    /** Runs one step on {@code input} (one row of the network's inputs), writing the network's output. */
    void predict(double[] input, double[] output);

    /**
     * Ends the step last predicted: learns from {@code target} (the network's output units' target;
     * null when there is none) and carries the state on.
     */
    void learn(double[] target);

    /**
     * Starts a new sequence: the initial state again, and nothing carried from the steps before.
     * (A default for learners written before it existed, which cannot.)
     */
    default void reset() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot start a new sequence");
    }
}
