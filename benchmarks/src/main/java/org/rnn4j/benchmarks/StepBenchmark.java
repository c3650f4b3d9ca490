package org.rnn4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;

/**
 * One training step of each seed topology: forward + backward (what truncated BPTT does per
 * step) for a batch, the same per step of a 100-step unrolled window (what full BPTT does), and
 * one RTRL step for one sequence (state Jacobian, J·P, parameter Jacobian). Inputs and outputs
 * are as wide as the hidden layer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {

    @Param({"feedforward", "elman", "jordan", "partially-recurrent", "fully-recurrent"})
    public String topology;

    @Param({"8", "64", "256"})
    public int hidden;

    @Param({"1", "32"})
    public int batch;

    /** Steps of the unrolled window {@link #bpttStepInWindow} runs through. */
    static final int WINDOW = 100;

    private Network network;
    private StepCache cache;
    private Unrolled window;
    private List<DMatrixRMaj> inputs;
    private List<DMatrixRMaj> outputGradients;
    private DMatrixRMaj state;
    private DMatrixRMaj input;
    private DMatrixRMaj outputGradient;
    private DMatrixRMaj stateGradient;
    private DMatrixRMaj previousGradient;
    private Parameters gradient;
    private DMatrixRMaj jacobian;
    private DMatrixRMaj sensitivity;
    private DMatrixRMaj next;

    @Setup(Level.Trial)
    public void setUp() {
        network = Networks.build(topology, hidden, hidden, hidden);
        cache = network.newStepCache(batch);
        state = Networks.random(batch, network.stateSize(), 1);
        input = Networks.random(batch, hidden, 2);
        outputGradient = Networks.random(batch, hidden, 3);
        stateGradient = Networks.random(batch, network.stateSize(), 4);
        previousGradient = new DMatrixRMaj(batch, network.stateSize());
        gradient = network.parameters().zerosLike();
        int n = network.stateSize();
        jacobian = new DMatrixRMaj(n, n);
        // RTRL's sensitivities for hidden 256 would take n·p ≈ 0.5 GB per copy: benchmark up to 64.
        if (hidden <= 64) {
            sensitivity = Networks.random(n, network.parameters().size(), 5);
            next = new DMatrixRMaj(n, network.parameters().size());
        }
        network.forward(state, input, cache);
        window = network.unroll(batch, WINDOW);
        inputs = new ArrayList<>();
        outputGradients = new ArrayList<>();
        for (int t = 0; t < WINDOW; t++) {
            inputs.add(Networks.random(batch, hidden, 10 + t));
            outputGradients.add(Networks.random(batch, hidden, 200 + t));
        }
    }

    @Benchmark
    public DMatrixRMaj bpttStep() {
        network.forward(state, input, cache);
        network.backward(cache, outputGradient, stateGradient, gradient, previousGradient, null);
        return previousGradient;
    }

    /** Time per step: forward through the whole window, then backward through it. */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public DMatrixRMaj bpttStepInWindow() {
        window.forward(state, inputs);
        previousGradient.zero();
        window.backward(outputGradients, previousGradient, gradient);
        return previousGradient;
    }

    @Benchmark
    public DMatrixRMaj rtrlStep() {
        if (sensitivity == null || batch != 1) {
            return null;
        }
        network.forward(state, input, cache);
        network.stateJacobian(cache, 0, jacobian);
        CommonOps_DDRM.mult(jacobian, sensitivity, next);
        network.addParameterJacobian(cache, 0, next);
        return next;
    }
}
