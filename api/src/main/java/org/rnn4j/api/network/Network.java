package org.rnn4j.api.network;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent network as a step function over mini-batches, with a flat parameter vector θ:
 *
 * <pre>    (s_t, y_t) = step(s_{t-1}, x_t; θ)</pre>
 *
 * where each row of a matrix is one sequence of the batch: s is batch × {@link #stateSize()},
 * x is batch × {@link #inputSize()}, y is batch × {@link #outputSize()}.
 *
 * <p>{@link #forward} keeps in a {@link StepCache} everything the derivative operations need, so
 * that trainers are written once for every network: BPTT uses {@link #backward}, RTRL uses
 * {@link #stateJacobian} and {@link #addParameterJacobian} — which by default are derived from
 * {@code backward}, so that {@code forward} and {@code backward} are all a network must write. A network is not thread-safe
 * unless it says it is ({@link #concurrent()}); its caches are reused from step to step and allocate nothing once made.
 */
public interface Network {

    /** Columns of x. */
    int inputSize();

    /** Columns of y. */
    int outputSize();

    /** Columns of s, the values carried from one step to the next (n). */
    int stateSize();

    /** The parameters θ, updated in place by trainers. */
    Parameters parameters();

    /**
     * Whether several threads may run it at once, each on caches and unrolled windows of its own
     * ({@link #newStepCache}, {@link #unroll}): true when every value a pass writes lives in those
     * (the parameters are only read, gradients go to the {@link Parameters} passed in). Trainers
     * then compute a batch's chunks of rows in parallel; otherwise one after another — with the
     * same results either way. The tck checks a network that says true.
     */
    default boolean concurrent() {
        return false;
    }

    /** A cache for one step of a batch of {@code batchSize} sequences. */
    StepCache newStepCache(int batchSize);

    /**
     * Where the outputs sit in the state, when they are part of it (a fully recurrent or a Jordan
     * network): columns {@code offset … offset + outputSize − 1} of s_t equal y_t. −1 when the
     * outputs are not part of the state. Teacher forcing replaces those columns with the targets.
     */
    default int outputStateOffset() {
        return -1;
    }

    /** Writes the state before the first step, s_0, into every row of {@code state}. */
    default void initialState(DMatrixRMaj state) {
        state.zero();
    }

    /**
     * One step: from s_{t-1} and x_t computes s_t and y_t into {@code cache.state()} and
     * {@code cache.output()}, keeping what the derivatives need. The arguments are not kept.
     */
    void forward(DMatrixRMaj previousState, DMatrixRMaj input, StepCache cache);

    /**
     * The vector–Jacobian product of the step held in {@code cache}: given ∂L/∂y_t and ∂L/∂s_t,
     * adds ∂L/∂θ of this step into {@code gradient} and writes ∂L/∂s_{t-1} (and ∂L/∂x_t when
     * {@code inputGradient} is not null).
     *
     * @param outputGradient        ∂L/∂y_t, batch × outputs
     * @param stateGradient         ∂L/∂s_t from later steps, batch × n
     * @param gradient              accumulates ∂L/∂θ, laid out as {@link #parameters()}
     * @param previousStateGradient receives ∂L/∂s_{t-1}, batch × n
     * @param inputGradient         receives ∂L/∂x_t, batch × inputs, or null
     */
    void backward(StepCache cache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient,
                  Parameters gradient, DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient);

    /**
     * Back-propagation through the steps held in {@code caches}, in time order: the same as
     * {@link #backward} from the last step to the first without input gradients, each step's
     * ∂L/∂s_{t-1} passed on as the ∂L/∂s_t of the step before. A network may regroup the sums —
     * the weight gradients of all steps as one product — so that the result equals the
     * step-by-step one to rounding.
     *
     * @param outputGradients ∂L/∂y_t of each step, batch × outputs
     * @param stateGradient   ∂L/∂s of the last step on entry, ∂L/∂s before the first on return
     * @param workspace       batch × n, overwritten
     * @param gradient        accumulates ∂L/∂θ, laid out as {@link #parameters()}
     */
    default void backwardThroughTime(List<? extends StepCache> caches, List<DMatrixRMaj> outputGradients,
                                     DMatrixRMaj stateGradient, DMatrixRMaj workspace, Parameters gradient) {
        DMatrixRMaj later = stateGradient;
        DMatrixRMaj earlier = workspace;
        for (int t = caches.size() - 1; t >= 0; t--) {
            backward(caches.get(t), outputGradients.get(t), later, gradient, earlier, null);
            DMatrixRMaj swap = later;
            later = earlier;
            earlier = swap;
        }
        if (later != stateGradient) {
            stateGradient.setTo(later);
        }
    }

    /**
     * The network unrolled over up to {@code capacity} steps of a batch of {@code batchSize}
     * sequences, for back-propagation through whole windows. By default step by step, through
     * {@link #forward} and {@link #backwardThroughTime}; a network may compute a window faster
     * another way, with the same results to rounding.
     */
    default Unrolled unroll(int batchSize, int capacity) {
        return new StepwiseUnrolled(this, batchSize, capacity);
    }

    /**
     * Writes ∂s_t/∂s_{t-1} of sequence {@code row} of the batch into {@code jacobian} (n × n).
     * By default derived from {@link #backward}, one vector–Jacobian product per state unit
     * ({@link JacobiansFromBackward}); override it for speed (the tck checks the override gives
     * the same).
     */
    default void stateJacobian(StepCache cache, int row, DMatrixRMaj jacobian) {
        JacobiansFromBackward.stateJacobian(this, cache, row, jacobian);
    }

    /**
     * SnAp-1's sparsity pattern, when the network knows it and it is simple: for every parameter
     * (in the order of {@link Parameters#flatten}) the one state unit its immediate ∂s_t/∂θ can
     * reach, or −1 for none. Null when some parameter reaches several units within a step, or
     * the network does not say — the {@code snap} trainer then finds the pattern from
     * {@link #addParameterJacobian} and reads that densely. The tck checks a pattern given.
     */
    default int[] parameterUnits() {
        return null;
    }

    /**
     * For a network whose {@link #parameterUnits()} are not null: {@code values[j]} =
     * ∂s_t[unit_j]/∂θ_j of sequence {@code row} for every parameter j with a unit (the others are
     * left as they are) — the immediate Jacobian on SnAp-1's pattern, without forming it.
     */
    default void parameterJacobianOnUnits(StepCache cache, int row, double[] values) {
        throw new UnsupportedOperationException(getClass().getName() + " gives no parameter units");
    }

    /**
     * Adds the immediate ∂s_t/∂θ of sequence {@code row} — s_{t-1} held fixed — into
     * {@code sensitivity} (n × p, columns in the order of {@link Parameters#flatten}). By default
     * derived from {@link #backward} ({@link JacobiansFromBackward}); override it for speed.
     */
    default void addParameterJacobian(StepCache cache, int row, DMatrixRMaj sensitivity) {
        JacobiansFromBackward.addParameterJacobian(this, cache, row, sensitivity);
    }
}
