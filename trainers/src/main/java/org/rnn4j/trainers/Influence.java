package org.rnn4j.trainers;

import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;

/**
 * What an online trainer carries forward for every row of a batch: the influence of the
 * parameters on the state, M ≈ ∂s_t/∂θ (n × p), step by step,
 *
 * <pre>    M_t = (∂s_t/∂s_{t-1}) M_{t-1} + ∂s_t/∂θ|immediate,   ∂L_t/∂θ += (∂L_t/∂s_{t-1}) M_{t-1},</pre>
 *
 * exactly ({@link Sensitivities}, RTRL), kept on SnAp-1's sparsity pattern ({@link SnapInfluence})
 * or as UORO's unbiased rank-one estimate ({@link UoroInfluence}). The sessions and learners of
 * {@code rtrl}, {@code snap} and {@code uoro} are one code, {@link RtrlSession} and
 * {@link RtrlLearner}, each with its influence.
 */
interface Influence {

    /** M = 0 for every row: the start of a sequence, whose initial state does not depend on θ. */
    void reset();

    /**
     * {@code gradient} += Σ_rows (∂L/∂s_{t-1})[row] · M_{t-1}[row], with {@code previousGradient}
     * (rows × n) from the step's {@code backward}; call before {@link #advance}.
     */
    void addGradient(DMatrixRMaj previousGradient, double[] gradient);

    /** M_{t-1} → M_t for every row, from the step held in {@code cache}. */
    void advance(StepCache cache);

    /**
     * Teacher forcing of {@code row}: state columns {@code from … from + count − 1} were replaced
     * by targets, which do not depend on θ.
     */
    void clearColumns(int row, int from, int count);

    /** The random numbers of the next sequences (UORO's signs) from {@code seed}; the others draw none. */
    default void reseed(long seed) {
    }

    /** Makes the influence of a trainer for {@code rows} rows of {@code network}. */
    @FunctionalInterface
    interface Kind {
        Influence make(Network network, int rows);
    }
}
