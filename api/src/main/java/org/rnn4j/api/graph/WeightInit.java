package org.rnn4j.api.graph;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/** Seeded weight initialisations, filling a weight block (rows: fan-out, columns: fan-in) in place. */
public final class WeightInit {

    private WeightInit() {
    }

    /** Every weight uniform in [−range, range]. */
    public static void uniform(DMatrixRMaj weights, double range, RandomGenerator random) {
        for (int i = 0; i < weights.data.length && i < weights.getNumElements(); i++) {
            weights.data[i] = random.nextDouble(-range, range);
        }
    }

    /** Glorot and Bengio (2010): uniform in ±√(6 / (fan-in + fan-out)). */
    public static void glorotUniform(DMatrixRMaj weights, RandomGenerator random) {
        uniform(weights, Math.sqrt(6.0 / (weights.numRows + weights.numCols)), random);
    }
}
