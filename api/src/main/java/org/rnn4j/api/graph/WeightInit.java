package org.rnn4j.api.graph;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Seeded weight initialisations, filling a weight block (rows: fan-out, columns: fan-in) in place;
 * {@link Rule} names one, for a {@link LayerGraph} connection to carry.
 */
public final class WeightInit {

    private WeightInit() {
    }

    /** How a weight block starts: filled in place from a seeded random source. */
    @FunctionalInterface
    public interface Rule {
        /** Fills {@code weights} (rows: fan-out, columns: fan-in). */
        void fill(DMatrixRMaj weights, RandomGenerator random);
    }

    /** {@link #uniform} in [−range, range]. */
    public static Rule uniform(double range) {
        return (weights, random) -> uniform(weights, range, random);
    }

    /** {@link #glorotUniform}. */
    public static Rule glorotUniform() {
        return WeightInit::glorotUniform;
    }

    /** {@link #orthogonal}. */
    public static Rule orthogonal() {
        return WeightInit::orthogonal;
    }

    /** Every weight zero. */
    public static Rule zero() {
        return (weights, random) -> weights.zero();
    }

    /** Every weight uniform in [−range, range]. */
    public static void uniform(DMatrixRMaj weights, double range, RandomGenerator random) {
        for (int i = 0, n = weights.getNumElements(); i < n; i++) {
            weights.data[i] = random.nextDouble(-range, range);
        }
    }

    /** Glorot and Bengio (2010): uniform in ±√(6 / (fan-in + fan-out)). */
    public static void glorotUniform(DMatrixRMaj weights, RandomGenerator random) {
        uniform(weights, Math.sqrt(6.0 / (weights.numRows + weights.numCols)), random);
    }

    /**
     * Saxe et al. (2014): a random orthogonal matrix — orthonormal rows or columns, whichever
     * are fewer — drawn uniformly (Q of the QR decomposition of a Gaussian matrix, its columns'
     * signs fixed by R's diagonal). Keeps a recurrent map from shrinking or blowing up signals
     * at the start of training.
     */
    public static void orthogonal(DMatrixRMaj weights, RandomGenerator random) {
        int rows = Math.max(weights.numRows, weights.numCols);
        int cols = Math.min(weights.numRows, weights.numCols);
        DMatrixRMaj gaussian = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < gaussian.getNumElements(); i++) {
            gaussian.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(gaussian.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int k = 0; k < cols; k++) {
            if (r.get(k, k) < 0) {
                for (int i = 0; i < rows; i++) {
                    q.set(i, k, -q.get(i, k));
                }
            }
        }
        if (weights.numRows >= weights.numCols) {
            weights.setTo(q);
        } else {
            CommonOps_DDRM.transpose(q, weights);
        }
    }
}
