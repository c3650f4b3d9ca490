package org.rnn4j.kernels;

import org.rnn4j.api.graph.MatrixKernels;

/**
 * What both kernels keep of a held n × k weight matrix: the array itself (small products and the
 * one-hot loops read it) and its transpose (k × n), made on the first one-hot product after each
 * hold. Each kernel adds its own native copy, in its precision.
 */
abstract class HeldMatrix implements MatrixKernels.Held {
    double[] values;
    int offset;
    private double[] transposed = new double[0];
    private boolean transposedMade;

    /** Holds {@code values} from {@code offset} from now on: a refill forgets the transpose of the values before. */
    void holding(double[] values, int offset) {
        this.values = values;
        this.offset = offset;
        transposedMade = false;
    }

    /** The held matrix transposed, made once per hold. */
    double[] transposed(int n, int k) {
        if (!transposedMade) {
            if (transposed.length < n * k) {
                transposed = new double[n * k];
            }
            SparseProducts.transpose(n, k, values, offset, transposed, 0);
            transposedMade = true;
        }
        return transposed;
    }
}
