package org.rnn4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matrix kernels a step is made of, at the step's shapes (batch × hidden × hidden): the
 * ceiling a step can approach. multAddTransB: z += x·Wᵀ (forward); multAddTransA: dW += δᵀ·x
 * (backward); multAdd: dx += δ·W (backward). GFLOP/s = 2·batch·hidden² / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmBenchmark {

    @Param({"8", "64", "256"})
    public int hidden;

    @Param({"1", "32"})
    public int batch;

    private DMatrixRMaj x;
    private DMatrixRMaj w;
    private DMatrixRMaj z;
    private DMatrixRMaj dw;

    @Setup(Level.Trial)
    public void setUp() {
        x = Networks.random(batch, hidden, 1);
        w = Networks.random(hidden, hidden, 2);
        z = new DMatrixRMaj(batch, hidden);
        dw = new DMatrixRMaj(hidden, hidden);
    }

    @Benchmark
    public DMatrixRMaj forwardMultAddTransB() {
        CommonOps_DDRM.multAddTransB(x, w, z);
        return z;
    }

    @Benchmark
    public DMatrixRMaj weightGradientMultAddTransA() {
        CommonOps_DDRM.multAddTransA(z, x, dw);
        return dw;
    }

    @Benchmark
    public DMatrixRMaj inputGradientMultAdd() {
        CommonOps_DDRM.multAdd(z, w, x);
        return x;
    }
}
