package org.rnn4j.api.graph;

/**
 * {@link MatrixKernels#single()} where no BLAS is found: plain-Java loops that round each operand
 * to {@code float} and sum in {@code float}. As correct as a BLAS's {@code sgemm}, not as fast.
 */
final class SingleKernels implements MatrixKernels {

    static final SingleKernels INSTANCE = new SingleKernels();

    private SingleKernels() {
    }

    @Override
    public void multAddTransB(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (float) a[aOffset + i * k + p] * (float) b[bOffset + j * k + p];
                }
                c[cOffset + i * n + j] += sum;
            }
        }
    }

    @Override
    public void multAddTransA(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (float) a[aOffset + p * m + i] * (float) b[bOffset + p * n + j];
                }
                c[cOffset + i * n + j] += sum;
            }
        }
    }

    @Override
    public void multAdd(int m, int n, int k, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (float) a[aOffset + i * k + p] * (float) b[bOffset + p * n + j];
                }
                c[cOffset + i * n + j] += sum;
            }
        }
    }

    @Override
    public MatrixKernels single() {
        return this;
    }
}
