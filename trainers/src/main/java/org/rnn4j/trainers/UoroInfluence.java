package org.rnn4j.trainers;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;

/**
 * UORO (Tallec and Ollivier, "Unbiased Online Recurrent Optimization", ICLR 2018): RTRL's influence
 * M = ∂s/∂θ of every row replaced by a rank-one estimate s̃ θ̃ᵀ (n and p values) whose expectation
 * is M. Each step, with random signs ν ∈ {−1, +1}ⁿ,
 *
 * <pre>    s̃ ← ρ0 · (∂s_t/∂s_{t-1}) s̃ + ρ1 · ν,   θ̃ ← θ̃ / ρ0 + (νᵀ ∂s_t/∂θ|immediate) / ρ1,</pre>
 *
 * ρ0 = √(|θ̃| / |J s̃|) and ρ1 = √(|νᵀ ∂s/∂θ| / |ν|) balancing the two factors' norms (each plus
 * ε = 1e-7, as the paper's). The cross terms have mean 0 over ν (the ρs do not change when ν
 * flips sign), so the estimate stays unbiased. Per row and step: the state Jacobian (n × n) times a
 * vector, and one backward pass for νᵀ ∂s/∂θ — O(n² + p) for a graph-kit network, whose passes
 * cost O(p); for a batch of B rows the backward pass runs per row, B times O(B·p).
 */
final class UoroInfluence implements Influence {

    private static final double EPSILON = 1e-7;

    private final Network network;
    private final int rows;
    private final int n;
    private final int p;
    private final double[][] stateFactor;
    private final double[][] parameterFactor;
    private final DMatrixRMaj jacobian;
    private final double[] pushed;
    private final double[] signs;
    private final double[] fromSigns;
    private final Parameters signGradient;
    private final DMatrixRMaj noOutputGradient;
    private final DMatrixRMaj stateGradient;
    private final DMatrixRMaj previousGradient;
    private SplittableRandom random = new SplittableRandom(1);

    UoroInfluence(Network network, int rows) {
        this.network = network;
        this.rows = rows;
        this.n = network.stateSize();
        this.p = network.parameters().size();
        stateFactor = new double[rows][n];
        parameterFactor = new double[rows][p];
        jacobian = new DMatrixRMaj(n, n);
        pushed = new double[n];
        signs = new double[n];
        fromSigns = new double[p];
        signGradient = network.parameters().zerosLike();
        noOutputGradient = new DMatrixRMaj(rows, network.outputSize());
        stateGradient = new DMatrixRMaj(rows, n);
        previousGradient = new DMatrixRMaj(rows, n);
    }

    @Override
    public void reset() {
        for (int row = 0; row < rows; row++) {
            java.util.Arrays.fill(stateFactor[row], 0);
            java.util.Arrays.fill(parameterFactor[row], 0);
        }
    }

    @Override
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void addGradient(DMatrixRMaj previousGradient, double[] gradient) {
        for (int row = 0; row < rows; row++) {
            double along = 0;
            double[] s = stateFactor[row];
            for (int i = 0; i < n; i++) {
                along += previousGradient.data[row * n + i] * s[i];
            }
            if (along != 0) {
                double[] theta = parameterFactor[row];
                for (int k = 0; k < p; k++) {
                    gradient[k] += along * theta[k];
                }
            }
        }
    }

    @Override
    public void advance(StepCache cache) {
        for (int row = 0; row < rows; row++) {
            double[] s = stateFactor[row];
            double[] theta = parameterFactor[row];
            network.stateJacobian(cache, row, jacobian);
            double pushedNorm = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += jacobian.data[i * n + k] * s[k];
                }
                pushed[i] = sum;
                pushedNorm += sum * sum;
            }
            for (int i = 0; i < n; i++) {
                signs[i] = random.nextBoolean() ? 1 : -1;
            }
            // νᵀ ∂s_t/∂θ with s_{t-1} held: the backward pass of ⟨ν, s_t⟩ for this row alone.
            stateGradient.zero();
            System.arraycopy(signs, 0, stateGradient.data, row * n, n);
            signGradient.zero();
            network.backward(cache, noOutputGradient, stateGradient, signGradient, previousGradient, null);
            signGradient.flatten(fromSigns);
            double thetaNorm = 0;
            double fromSignsNorm = 0;
            for (int k = 0; k < p; k++) {
                thetaNorm += theta[k] * theta[k];
                fromSignsNorm += fromSigns[k] * fromSigns[k];
            }
            double rho0 = Math.sqrt(Math.sqrt(thetaNorm) / (Math.sqrt(pushedNorm) + EPSILON)) + EPSILON;
            double rho1 = Math.sqrt(Math.sqrt(fromSignsNorm) / (Math.sqrt(n) + EPSILON)) + EPSILON;
            for (int i = 0; i < n; i++) {
                s[i] = rho0 * pushed[i] + rho1 * signs[i];
            }
            for (int k = 0; k < p; k++) {
                theta[k] = theta[k] / rho0 + fromSigns[k] / rho1;
            }
        }
    }

    @Override
    public void clearColumns(int row, int from, int count) {
        java.util.Arrays.fill(stateFactor[row], from, from + count, 0.0);
    }
}
