package org.rnn4j.kernels;

/**
 * Products with an operand that is mostly zeros (one-hot inputs: the forward product and the input
 * weights' gradient), by loops that visit only its non-zeros — a one-hot row costs one row of the
 * other operand instead of a dense product. The non-zeros are found in one pass, and each element
 * of the result gets its terms added in the order of the dense loops, so results do not depend on
 * which loop ran. The other operand is read along its rows: the weights through a transposed copy
 * made once per hold, the gradient through a transposed scratch copy of its result.
 */
final class SparseProducts {

    /** Fraction of non-zeros below which an operand's zeros are skipped instead of multiplied. */
    static final double SPARSE_BELOW = 0.125;

    /** A thread's positions of the non-zeros found last, and its scratch for a transposed result. */
    static final class Scratch {
        int[] positions = new int[64];
        int count;
        double[] transposed = new double[0];
    }

    /** Per thread: one kernels object serves every network in the JVM. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * The non-zeros of {@code values[offset … offset + length − 1]}, in order, when fewer than
     * {@link #SPARSE_BELOW} of them are non-zero; null (having stopped early) when not.
     */
    Scratch nonZeros(double[] values, int offset, int length) {
        int limit = (int) (length * SPARSE_BELOW);
        Scratch found = scratch.get();
        if (found.positions.length < limit) {
            found.positions = new int[limit];
        }
        int[] positions = found.positions;
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (values[offset + i] != 0) {
                if (count == limit) {
                    return null;
                }
                positions[count++] = i;
            }
        }
        found.count = count;
        return found;
    }

    /** c += a · bᵀ over a's non-zeros, b (n × k) read down its columns: for a few rows, where transposing b would cost more. */
    static void timesTransposed(int n, int k, double[] a, int aOffset, Scratch nonZeros, double[] b, int bOffset,
                                double[] c, int cOffset) {
        for (int e = 0; e < nonZeros.count; e++) {
            int position = nonZeros.positions[e];
            int i = position / k;
            int p = position - i * k;
            double v = a[aOffset + position];
            int ci = cOffset + i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] += v * b[bOffset + j * k + p];
            }
        }
    }

    /** c += a · bᵀ over a's non-zeros, given bᵀ (k × n) itself: each non-zero adds one of its rows. */
    static void timesTransposed(int n, int k, double[] a, int aOffset, Scratch nonZeros, double[] bTransposed,
                                double[] c, int cOffset) {
        for (int e = 0; e < nonZeros.count; e++) {
            int position = nonZeros.positions[e];
            int i = position / k;
            int p = position - i * k;
            double v = a[aOffset + position];
            int ci = cOffset + i * n;
            int bp = p * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] += v * bTransposed[bp + j];
            }
        }
    }

    /**
     * c += aᵀ · b over b's non-zeros (a k × m, b k × n, c m × n): each adds a multiple of a row of a
     * to a column of c — through a transposed copy of c when there are more non-zeros than c has
     * columns (a window's one-hot inputs), so that those columns are read along rows.
     */
    static void transposedTimes(int m, int n, double[] a, int aOffset, double[] b, int bOffset, Scratch nonZeros,
                                double[] c, int cOffset) {
        if (nonZeros.count < n) {
            for (int e = 0; e < nonZeros.count; e++) {
                int position = nonZeros.positions[e];
                int p = position / n;
                int q = position - p * n;
                double v = b[bOffset + position];
                int ap = aOffset + p * m;
                for (int i = 0; i < m; i++) {
                    c[cOffset + i * n + q] += a[ap + i] * v;
                }
            }
            return;
        }
        if (nonZeros.transposed.length < m * n) {
            nonZeros.transposed = new double[m * n];
        }
        double[] ct = nonZeros.transposed;
        transpose(m, n, c, cOffset, ct, 0);
        for (int e = 0; e < nonZeros.count; e++) {
            int position = nonZeros.positions[e];
            int p = position / n;
            int q = position - p * n;
            double v = b[bOffset + position];
            int ap = aOffset + p * m;
            int cq = q * m;
            for (int i = 0; i < m; i++) {
                ct[cq + i] += a[ap + i] * v;
            }
        }
        transpose(n, m, ct, 0, c, cOffset);
    }

    /** Tiles of the transpose: each reads and writes a few cache lines, where whole rows would stride across pages. */
    private static final int TILE = 16;

    /** to (cols × rows) = fromᵀ, from being rows × cols; tile by tile. */
    static void transpose(int rows, int cols, double[] from, int fromOffset, double[] to, int toOffset) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0; c < c1; c++) {
                        to[toOffset + c * rows + r] = from[fromOffset + r * cols + c];
                    }
                }
            }
        }
    }
}
