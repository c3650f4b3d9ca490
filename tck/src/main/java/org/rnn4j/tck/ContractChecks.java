package org.rnn4j.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.network.JacobiansFromBackward;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;

/**
 * The checks of the {@link Network} contract, against central finite differences in double
 * precision. Each returns the worst relative error it found and where, so that a test can
 * assert on it and a command can print it.
 *
 * <p>The relative error of a block of derivatives (a parameter block, the initial state, the
 * inputs, a Jacobian) is max|analytic − numeric| / max(max|analytic|, max|numeric|).
 */
public final class ContractChecks {

    /** The tolerance the contract sets for the relative error of every derivative. */
    public static final double TOLERANCE = 1e-6;

    private static final double STEP = 1e-5;

    /**
     * The tolerance for a single-precision network's outputs, states and gradients against the
     * same network's in double: float keeps about 7 significant digits, and a few steps' sums
     * lose some of them.
     */
    public static final double SINGLE_TOLERANCE = 1e-4;

    /** The tolerance for the relative difference of RTRL's gradient from BPTT's: both are exact. */
    public static final double EXACT_TOLERANCE = 1e-9;

    /** The outcome of one check: its worst relative error, the block where it occurred, and the bound it must keep. */
    public record Result(String check, double worstError, String where, double tolerance) {
        /** A result against {@link #TOLERANCE}. */
        public Result(String check, double worstError, String where) {
            this(check, worstError, where, TOLERANCE);
        }

        /** Whether the worst error is within the tolerance. */
        public boolean passed() {
            return worstError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-20s worst relative error %.3e of %.0e allowed (%s) %s", check,
                    worstError, tolerance, where, passed() ? "ok" : "FAILED");
        }
    }

    private ContractChecks() {
    }

    /** Runs every derivative check on {@code network} (whose parameters it randomises). */
    public static List<Result> all(Network network, RandomGenerator random) {
        randomizeParameters(network, random);
        List<Result> results = new ArrayList<>();
        results.add(backward(network, random, 2, 4));
        results.add(stateJacobian(network, random, 2));
        results.add(parameterJacobian(network, random, 2));
        results.add(jacobiansAsFromBackward(network, random, 2));
        results.add(sensitivity(network, random, 2, 4));
        results.add(rtrlEqualsBptt(network, random, 2, 5));
        results.add(backwardThroughTime(network, random, 3, 6));
        results.add(unrolled(network, random, 3, 6));
        results.add(concurrent(network, random));
        results.add(parameterUnits(network, random));
        return results;
    }

    /** Sets every parameter uniform in [−0.5, 0.5], so that biases and zero-initialised blocks are exercised too. */
    public static void randomizeParameters(Network network, RandomGenerator random) {
        for (Parameters.Block block : network.parameters().blocks()) {
            fill(block.value(), 0.5, random);
        }
    }

    /**
     * {@code backward} over {@code steps} steps: the gradient of L = Σ_t ⟨R_t, y_t⟩ + ⟨Q, s_T⟩
     * (random R_t, Q) with respect to θ, s_0 and every x_t, against finite differences.
     */
    public static Result backward(Network network, RandomGenerator random, int batch, int steps) {
        int n = network.stateSize();
        Problem problem = Problem.draw(network, random, batch, steps);
        DMatrixRMaj initial = problem.initial();
        DMatrixRMaj[] inputs = problem.inputs();
        List<DMatrixRMaj> readouts = problem.readouts();
        DMatrixRMaj finalReadout = problem.finalReadout();
        StepCache[] caches = problem.caches();
        Parameters gradient = network.parameters().zerosLike();
        DMatrixRMaj stateGradient = finalReadout.copy();
        DMatrixRMaj previousGradient = new DMatrixRMaj(batch, n);
        DMatrixRMaj[] inputGradients = new DMatrixRMaj[steps];
        for (int t = steps - 1; t >= 0; t--) {
            inputGradients[t] = new DMatrixRMaj(batch, network.inputSize());
            network.backward(caches[t], readouts.get(t), stateGradient, gradient, previousGradient, inputGradients[t]);
            DMatrixRMaj swap = stateGradient;
            stateGradient = previousGradient;
            previousGradient = swap;
        }

        Objective objective = () -> {
            run(network, caches, initial, inputs);
            double sum = dot(finalReadout, caches[steps - 1].state());
            for (int t = 0; t < steps; t++) {
                sum += dot(readouts.get(t), caches[t].output());
            }
            return sum;
        };
        Worst worst = new Worst("backward");
        List<Parameters.Block> blocks = network.parameters().blocks();
        for (int i = 0; i < blocks.size(); i++) {
            worst.add(blocks.get(i).name(), gradient.blocks().get(i).value().data,
                    numericGradient(blocks.get(i).value(), objective));
        }
        if (n > 0) {
            worst.add("initial state", stateGradient.data, numericGradient(initial, objective));
        }
        for (int t = 0; t < steps; t++) {
            worst.add("input at step " + (t + 1), inputGradients[t].data, numericGradient(inputs[t], objective));
        }
        return worst.result();
    }

    /** {@code stateJacobian} of every row against finite differences of {@code forward} in s_{t-1}. */
    public static Result stateJacobian(Network network, RandomGenerator random, int batch) {
        int n = network.stateSize();
        if (n == 0) {
            return new Result("stateJacobian", 0, "no state");
        }
        DMatrixRMaj previous = random(batch, n, random);
        DMatrixRMaj input = random(batch, network.inputSize(), random);
        StepCache cache = network.newStepCache(batch);
        StepCache probe = network.newStepCache(batch);
        DMatrixRMaj analytic = new DMatrixRMaj(n, n);
        DMatrixRMaj numeric = new DMatrixRMaj(n, n);
        Worst worst = new Worst("stateJacobian");
        for (int row = 0; row < batch; row++) {
            network.forward(previous, input, cache);
            network.stateJacobian(cache, row, analytic);
            for (int j = 0; j < n; j++) {
                int index = row * n + j;
                double saved = previous.data[index];
                previous.data[index] = saved + STEP;
                network.forward(previous, input, probe);
                double[] plus = rowOf(probe.state(), row);
                previous.data[index] = saved - STEP;
                network.forward(previous, input, probe);
                double[] minus = rowOf(probe.state(), row);
                previous.data[index] = saved;
                for (int i = 0; i < n; i++) {
                    numeric.set(i, j, (plus[i] - minus[i]) / (2 * STEP));
                }
            }
            worst.add("row " + row, analytic.data, numeric.data.clone());
        }
        return worst.result();
    }

    /** {@code addParameterJacobian} of every row against finite differences of {@code forward} in θ. */
    public static Result parameterJacobian(Network network, RandomGenerator random, int batch) {
        int n = network.stateSize();
        if (n == 0) {
            return new Result("parameterJacobian", 0, "no state");
        }
        int p = network.parameters().size();
        DMatrixRMaj previous = random(batch, n, random);
        DMatrixRMaj input = random(batch, network.inputSize(), random);
        StepCache cache = network.newStepCache(batch);
        StepCache probe = network.newStepCache(batch);
        Worst worst = new Worst("parameterJacobian");
        for (int row = 0; row < batch; row++) {
            DMatrixRMaj sensitivity = random(n, p, random);
            DMatrixRMaj before = sensitivity.copy();
            network.forward(previous, input, cache);
            network.addParameterJacobian(cache, row, sensitivity);
            for (Parameters.Block block : network.parameters().blocks()) {
                double[] analytic = new double[n * block.size()];
                double[] numeric = new double[n * block.size()];
                double[] values = block.value().data;
                for (int k = 0; k < block.size(); k++) {
                    int column = block.offset() + k;
                    double saved = values[k];
                    values[k] = saved + STEP;
                    network.forward(previous, input, probe);
                    double[] plus = rowOf(probe.state(), row);
                    values[k] = saved - STEP;
                    network.forward(previous, input, probe);
                    double[] minus = rowOf(probe.state(), row);
                    values[k] = saved;
                    for (int i = 0; i < n; i++) {
                        analytic[i * block.size() + k] = sensitivity.get(i, column) - before.get(i, column);
                        numeric[i * block.size() + k] = (plus[i] - minus[i]) / (2 * STEP);
                    }
                }
                worst.add("row " + row + " " + block.name(), analytic, numeric);
            }
        }
        return worst.result();
    }

    /**
     * {@code stateJacobian} and {@code addParameterJacobian} of every row against what
     * {@link JacobiansFromBackward} derives from {@code backward} — the defaults a network may
     * override for speed (relative ≤ {@link #EXACT_TOLERANCE}). A network that does not override
     * them passes exactly.
     */
    public static Result jacobiansAsFromBackward(Network network, RandomGenerator random, int batch) {
        int n = network.stateSize();
        if (n == 0) {
            return new Result("jacobiansAsDefault", 0, "no state", EXACT_TOLERANCE);
        }
        int p = network.parameters().size();
        DMatrixRMaj previous = random(batch, n, random);
        DMatrixRMaj input = random(batch, network.inputSize(), random);
        StepCache cache = network.newStepCache(batch);
        network.forward(previous, input, cache);
        Worst worst = new Worst("jacobiansAsDefault", EXACT_TOLERANCE);
        for (int row = 0; row < batch; row++) {
            DMatrixRMaj own = new DMatrixRMaj(n, n);
            DMatrixRMaj derived = new DMatrixRMaj(n, n);
            network.stateJacobian(cache, row, own);
            JacobiansFromBackward.stateJacobian(network, cache, row, derived);
            worst.add("row " + row + " state Jacobian", own.data, derived.data);
            DMatrixRMaj ownSensitivity = new DMatrixRMaj(n, p);
            DMatrixRMaj derivedSensitivity = new DMatrixRMaj(n, p);
            network.addParameterJacobian(cache, row, ownSensitivity);
            JacobiansFromBackward.addParameterJacobian(network, cache, row, derivedSensitivity);
            worst.add("row " + row + " parameter Jacobian", ownSensitivity.data, derivedSensitivity.data);
        }
        return worst.result();
    }

    /**
     * The sensitivities RTRL keeps, P_t = ∂s_t/∂θ, propagated forward over {@code steps} steps as
     * P_t = (∂s_t/∂s_{t-1}) P_{t-1} + ∂s_t/∂θ|immediate from P_0 = 0, against finite differences
     * of the final state s_T in θ, for every row.
     */
    public static Result sensitivity(Network network, RandomGenerator random, int batch, int steps) {
        int n = network.stateSize();
        if (n == 0) {
            return new Result("sensitivity", 0, "no state");
        }
        int p = network.parameters().size();
        DMatrixRMaj initial = random(batch, n, random);
        DMatrixRMaj[] inputs = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = random(batch, network.inputSize(), random);
        }
        StepCache[] caches = new StepCache[steps];
        for (int t = 0; t < steps; t++) {
            caches[t] = network.newStepCache(batch);
        }
        run(network, caches, initial, inputs);
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        DMatrixRMaj[] sensitivities = new DMatrixRMaj[batch];
        for (int row = 0; row < batch; row++) {
            DMatrixRMaj sensitivity = new DMatrixRMaj(n, p);
            DMatrixRMaj next = new DMatrixRMaj(n, p);
            for (int t = 0; t < steps; t++) {
                network.stateJacobian(caches[t], row, jacobian);
                org.ejml.dense.row.CommonOps_DDRM.mult(jacobian, sensitivity, next);
                network.addParameterJacobian(caches[t], row, next);
                DMatrixRMaj swap = sensitivity;
                sensitivity = next;
                next = swap;
            }
            sensitivities[row] = sensitivity;
        }
        Worst worst = new Worst("sensitivity");
        for (Parameters.Block block : network.parameters().blocks()) {
            double[][] numeric = new double[batch][n * block.size()];
            double[] values = block.value().data;
            for (int k = 0; k < block.size(); k++) {
                double saved = values[k];
                values[k] = saved + STEP;
                run(network, caches, initial, inputs);
                DMatrixRMaj plus = caches[steps - 1].state().copy();
                values[k] = saved - STEP;
                run(network, caches, initial, inputs);
                DMatrixRMaj minus = caches[steps - 1].state();
                values[k] = saved;
                for (int row = 0; row < batch; row++) {
                    for (int i = 0; i < n; i++) {
                        numeric[row][i * block.size() + k] = (plus.get(row, i) - minus.get(row, i)) / (2 * STEP);
                    }
                }
            }
            for (int row = 0; row < batch; row++) {
                double[] analytic = new double[n * block.size()];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < block.size(); k++) {
                        analytic[i * block.size() + k] = sensitivities[row].get(i, block.offset() + k);
                    }
                }
                worst.add("row " + row + " " + block.name(), analytic, numeric[row]);
            }
        }
        return worst.result();
    }

    /**
     * The gradient RTRL computes forward — each step's direct part from {@code backward} with no
     * later-step gradient, plus (∂L_t/∂s_{t-1}) P_{t-1} — against the gradient BPTT computes
     * backwards, for L = Σ_t ⟨R_t, y_t⟩ over {@code steps} steps. Both are exact, so they must
     * agree to rounding ({@link #EXACT_TOLERANCE}).
     */
    public static Result rtrlEqualsBptt(Network network, RandomGenerator random, int batch, int steps) {
        int n = network.stateSize();
        int p = network.parameters().size();
        DMatrixRMaj initial = random(batch, n, random);
        DMatrixRMaj[] inputs = new DMatrixRMaj[steps];
        DMatrixRMaj[] readouts = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = random(batch, network.inputSize(), random);
            readouts[t] = random(batch, network.outputSize(), random);
        }
        StepCache[] caches = new StepCache[steps];
        for (int t = 0; t < steps; t++) {
            caches[t] = network.newStepCache(batch);
        }
        run(network, caches, initial, inputs);

        Parameters bptt = network.parameters().zerosLike();
        DMatrixRMaj stateGradient = new DMatrixRMaj(batch, n);
        DMatrixRMaj previousGradient = new DMatrixRMaj(batch, n);
        for (int t = steps - 1; t >= 0; t--) {
            network.backward(caches[t], readouts[t], stateGradient, bptt, previousGradient, null);
            DMatrixRMaj swap = stateGradient;
            stateGradient = previousGradient;
            previousGradient = swap;
        }

        double[] rtrl = new double[p];
        Parameters direct = network.parameters().zerosLike();
        double[] directFlat = new double[p];
        DMatrixRMaj noStateGradient = new DMatrixRMaj(batch, n);
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        DMatrixRMaj[] sensitivity = new DMatrixRMaj[batch];
        for (int row = 0; row < batch; row++) {
            sensitivity[row] = new DMatrixRMaj(n, p);
        }
        DMatrixRMaj next = new DMatrixRMaj(n, p);
        for (int t = 0; t < steps; t++) {
            direct.zero();
            network.backward(caches[t], readouts[t], noStateGradient, direct, previousGradient, null);
            direct.flatten(directFlat);
            for (int k = 0; k < p; k++) {
                rtrl[k] += directFlat[k];
            }
            for (int row = 0; row < batch; row++) {
                for (int i = 0; i < n; i++) {
                    double g = previousGradient.get(row, i);
                    for (int k = 0; k < p; k++) {
                        rtrl[k] += g * sensitivity[row].get(i, k);
                    }
                }
                network.stateJacobian(caches[t], row, jacobian);
                org.ejml.dense.row.CommonOps_DDRM.mult(jacobian, sensitivity[row], next);
                network.addParameterJacobian(caches[t], row, next);
                DMatrixRMaj swap = sensitivity[row];
                sensitivity[row] = next;
                next = swap;
            }
        }
        // Both start from s_0 given, so P_0 = 0: the initial state's gradient is not part of θ's.
        return new Result("rtrl = bptt", relativeError(rtrl, bptt.toArray()), "all parameters", EXACT_TOLERANCE);
    }

    /**
     * {@code backwardThroughTime} against {@code backward} step by step, for L = Σ_t ⟨R_t, y_t⟩ + ⟨Q, s_T⟩:
     * the same sums, perhaps regrouped, so the gradients of θ and of s_0 agree to rounding
     * ({@link #EXACT_TOLERANCE}).
     */
    public static Result backwardThroughTime(Network network, RandomGenerator random, int batch, int steps) {
        int n = network.stateSize();
        Problem problem = Problem.draw(network, random, batch, steps);
        Parameters throughTime = network.parameters().zerosLike();
        DMatrixRMaj initialGradient = problem.finalReadout().copy();
        network.backwardThroughTime(List.of(problem.caches()), problem.readouts(), initialGradient, new DMatrixRMaj(batch, n),
                throughTime);
        Worst worst = new Worst("backwardThroughTime", EXACT_TOLERANCE);
        addDistanceFromStepByStep(network, problem, throughTime, initialGradient, worst);
        return worst.result();
    }

    /**
     * {@code unroll} against {@code forward} and {@code backward} step by step, for the same L:
     * every step's output and state, and the gradients of θ and of s_0, agree to rounding
     * ({@link #EXACT_TOLERANCE}). The unrolled network is made for two steps more than it is
     * used for, and has run a longer window before, as a trainer reuses it.
     */
    public static Result unrolled(Network network, RandomGenerator random, int batch, int steps) {
        int n = network.stateSize();
        Problem problem = Problem.draw(network, random, batch, steps);
        StepCache[] caches = problem.caches();
        Unrolled unrolled = network.unroll(batch, steps + 2);
        List<DMatrixRMaj> longer = new ArrayList<>();
        List<DMatrixRMaj> longerReadouts = new ArrayList<>();
        for (int t = 0; t < steps + 2; t++) {
            longer.add(random(batch, network.inputSize(), random));
            longerReadouts.add(random(batch, network.outputSize(), random));
        }
        unrolled.forward(random(batch, n, random), longer);
        unrolled.backward(longerReadouts, random(batch, n, random), network.parameters().zerosLike());

        unrolled.forward(problem.initial(), List.of(problem.inputs()));
        Worst worst = new Worst("unroll", EXACT_TOLERANCE);
        for (int t = 0; t < steps; t++) {
            worst.add("output at step " + (t + 1), elements(unrolled.output(t)), elements(caches[t].output()));
            worst.add("state at step " + (t + 1), elements(unrolled.state(t)), elements(caches[t].state()));
        }
        Parameters whole = network.parameters().zerosLike();
        DMatrixRMaj initialGradient = problem.finalReadout().copy();
        unrolled.backward(problem.readouts(), initialGradient, whole);
        addDistanceFromStepByStep(network, problem, whole, initialGradient, worst);
        return worst.result();
    }

    /**
     * For a network that gives SnAp-1's pattern ({@link Network#parameterUnits()}): at random
     * states and inputs, the immediate Jacobian (from {@code addParameterJacobian}) is zero off the
     * pattern, and {@code parameterJacobianOnUnits} gives its entries on it, to rounding. A network
     * that gives none passes.
     */
    public static Result parameterUnits(Network network, RandomGenerator random) {
        Worst worst = new Worst("parameterUnits", EXACT_TOLERANCE);
        int[] units = network.parameterUnits();
        if (units == null) {
            worst.add("no pattern given: not checked", new double[0], new double[0]);
            return worst.result();
        }
        int n = network.stateSize();
        int p = units.length;
        for (int draw = 0; draw < 3; draw++) {
            int batch = 2;
            StepCache cache = network.newStepCache(batch);
            network.forward(random(batch, n, random), random(batch, network.inputSize(), random), cache);
            for (int row = 0; row < batch; row++) {
                DMatrixRMaj dense = new DMatrixRMaj(n, p);
                network.addParameterJacobian(cache, row, dense);
                double[] onPattern = new double[p];
                double[] fromDense = new double[p];
                double[] offPattern = new double[n * p];
                network.parameterJacobianOnUnits(cache, row, onPattern);
                for (int j = 0; j < p; j++) {
                    for (int u = 0; u < n; u++) {
                        if (u == units[j]) {
                            fromDense[j] = dense.get(u, j);
                        } else {
                            offPattern[u * p + j] = dense.get(u, j);
                        }
                    }
                    if (units[j] < 0) {
                        onPattern[j] = 0;
                    }
                }
                worst.add("row " + row + ": entries on the pattern", onPattern, fromDense);
                worst.add("row " + row + ": entries off the pattern (must be 0)", offPattern, new double[n * p]);
            }
        }
        return worst.result();
    }

    /**
     * A network built in single precision ({@code singles}, from the same topology and settings as
     * {@code doubles}) against the double one, both with {@code doubles}' randomised parameters: every
     * step's outputs and states and the gradients of θ and of s_0 — step by step and through an
     * unrolled window — agree within {@link #SINGLE_TOLERANCE}. As the double network's derivatives
     * are checked against finite differences, so are the single one's, to that tolerance.
     */
    public static Result singlePrecision(Network doubles, Network singles, RandomGenerator random) {
        randomizeParameters(doubles, random);
        singles.parameters().setFrom(doubles.parameters());
        Worst worst = new Worst("single precision", SINGLE_TOLERANCE);
        Problem problem = Problem.draw(doubles, random, 3, 6);
        Problem same = new Problem(problem.initial(), problem.inputs(), problem.readouts(), problem.finalReadout(),
                new StepCache[problem.inputs().length]);
        for (int t = 0; t < same.caches().length; t++) {
            same.caches()[t] = singles.newStepCache(problem.initial().numRows);
        }
        run(singles, same.caches(), same.initial(), same.inputs());
        for (int t = 0; t < problem.caches().length; t++) {
            worst.add("output at step " + (t + 1), elements(same.caches()[t].output()), elements(problem.caches()[t].output()));
            worst.add("state at step " + (t + 1), elements(same.caches()[t].state()), elements(problem.caches()[t].state()));
        }
        double[] expected = passes(doubles, problem);
        double[] actual = passes(singles, same);
        worst.add("every pass", actual, expected);
        return worst.result();
    }

    /**
     * For a network that says it is {@link Network#concurrent()}: four problems run forward and
     * backward, each through an unrolled window and step by step, on four threads at once, twenty
     * times over, give bit for bit what they give one after another on one thread. A network that
     * does not say so passes (its chunks run on one thread).
     */
    public static Result concurrent(Network network, RandomGenerator random) {
        Worst worst = new Worst("concurrent", 0);
        if (!network.concurrent()) {
            worst.add("not concurrent: not checked", new double[0], new double[0]);
            return worst.result();
        }
        int problems = 4;
        int steps = 5;
        List<Problem> drawn = new ArrayList<>();
        for (int i = 0; i < problems; i++) {
            drawn.add(Problem.draw(network, random, 2, steps));
        }
        double[][] expected = new double[problems][];
        for (int i = 0; i < problems; i++) {
            expected[i] = passes(network, drawn.get(i));
        }
        double[][] actual = new double[problems][];
        for (int round = 0; round < 20; round++) {
            Thread[] threads = new Thread[problems];
            RuntimeException[] failures = new RuntimeException[problems];
            for (int i = 0; i < problems; i++) {
                int index = i;
                threads[i] = new Thread(() -> {
                    try {
                        actual[index] = passes(network, drawn.get(index));
                    } catch (RuntimeException e) {
                        failures[index] = e;
                    }
                });
                threads[i].start();
            }
            for (int i = 0; i < problems; i++) {
                try {
                    threads[i].join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while checking concurrent passes", e);
                }
                if (failures[i] != null) {
                    throw failures[i];
                }
                worst.add("problem " + (i + 1) + " on its own thread", actual[i], expected[i]);
            }
        }
        return worst.result();
    }

    /** Everything a problem's passes give, in one array: outputs, states and gradients of a window and of steps. */
    private static double[] passes(Network network, Problem problem) {
        int batch = problem.initial().numRows;
        int steps = problem.inputs().length;
        List<Double> values = new ArrayList<>();
        Unrolled unrolled = network.unroll(batch, steps);
        unrolled.forward(problem.initial(), List.of(problem.inputs()));
        Parameters gradient = network.parameters().zerosLike();
        DMatrixRMaj initialGradient = problem.finalReadout().copy();
        unrolled.backward(problem.readouts(), initialGradient, gradient);
        StepCache[] caches = new StepCache[steps];
        for (int t = 0; t < steps; t++) {
            caches[t] = network.newStepCache(batch);
            add(values, unrolled.output(t).data);
            add(values, unrolled.state(t).data);
        }
        run(network, caches, problem.initial(), problem.inputs());
        Parameters stepGradient = network.parameters().zerosLike();
        DMatrixRMaj stateGradient = problem.finalReadout().copy();
        DMatrixRMaj previousGradient = new DMatrixRMaj(stateGradient.numRows, stateGradient.numCols);
        for (int t = steps - 1; t >= 0; t--) {
            add(values, caches[t].output().data);
            network.backward(caches[t], problem.readouts().get(t), stateGradient, stepGradient, previousGradient, null);
            DMatrixRMaj swap = stateGradient;
            stateGradient = previousGradient;
            previousGradient = swap;
        }
        add(values, gradient.toArray());
        add(values, initialGradient.data);
        add(values, stepGradient.toArray());
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(List<Double> values, double[] array) {
        for (double value : array) {
            values.add(value);
        }
    }

    /**
     * Adds to {@code worst} how far {@code gradient} and {@code initialGradient} (the gradients of
     * θ and of s_0 for the problem's L) are from {@code backward}'s, step by step.
     */
    private static void addDistanceFromStepByStep(Network network, Problem problem, Parameters gradient,
                                                  DMatrixRMaj initialGradient, Worst worst) {
        StepCache[] caches = problem.caches();
        Parameters stepByStep = network.parameters().zerosLike();
        DMatrixRMaj stateGradient = problem.finalReadout().copy();
        DMatrixRMaj previousGradient = new DMatrixRMaj(stateGradient.numRows, stateGradient.numCols);
        for (int t = caches.length - 1; t >= 0; t--) {
            network.backward(caches[t], problem.readouts().get(t), stateGradient, stepByStep, previousGradient, null);
            DMatrixRMaj swap = stateGradient;
            stateGradient = previousGradient;
            previousGradient = swap;
        }
        for (int i = 0; i < stepByStep.blocks().size(); i++) {
            worst.add(stepByStep.blocks().get(i).name(), gradient.blocks().get(i).value().data,
                    stepByStep.blocks().get(i).value().data);
        }
        if (network.stateSize() > 0) {
            worst.add("initial state", initialGradient.data, stateGradient.data);
        }
    }

    /**
     * A random problem for the backward checks, run forward: s_0, inputs x_t, readouts R_t and Q
     * (L = Σ_t ⟨R_t, y_t⟩ + ⟨Q, s_T⟩), drawn in that order, and the step caches of the forward run.
     */
    private record Problem(DMatrixRMaj initial, DMatrixRMaj[] inputs, List<DMatrixRMaj> readouts, DMatrixRMaj finalReadout,
                            StepCache[] caches) {
        static Problem draw(Network network, RandomGenerator random, int batch, int steps) {
            DMatrixRMaj initial = random(batch, network.stateSize(), random);
            DMatrixRMaj[] inputs = new DMatrixRMaj[steps];
            List<DMatrixRMaj> readouts = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                inputs[t] = random(batch, network.inputSize(), random);
                readouts.add(random(batch, network.outputSize(), random));
            }
            DMatrixRMaj finalReadout = random(batch, network.stateSize(), random);
            StepCache[] caches = new StepCache[steps];
            for (int t = 0; t < steps; t++) {
                caches[t] = network.newStepCache(batch);
            }
            run(network, caches, initial, inputs);
            return new Problem(initial, inputs, readouts, finalReadout, caches);
        }
    }

    private static void run(Network network, StepCache[] caches, DMatrixRMaj initial, DMatrixRMaj[] inputs) {
        DMatrixRMaj state = initial;
        for (int t = 0; t < inputs.length; t++) {
            network.forward(state, inputs[t], caches[t]);
            state = caches[t].state();
        }
    }

    private interface Objective {
        double value();
    }

    private static double[] numericGradient(DMatrixRMaj variable, Objective objective) {
        double[] numeric = new double[variable.getNumElements()];
        for (int i = 0; i < numeric.length; i++) {
            double saved = variable.data[i];
            variable.data[i] = saved + STEP;
            double plus = objective.value();
            variable.data[i] = saved - STEP;
            double minus = objective.value();
            variable.data[i] = saved;
            numeric[i] = (plus - minus) / (2 * STEP);
        }
        return numeric;
    }

    /** The relative error of one block, as defined in the class comment. */
    public static double relativeError(double[] analytic, double[] numeric) {
        double difference = 0;
        double scale = 0;
        for (int i = 0; i < numeric.length; i++) {
            difference = Math.max(difference, Math.abs(analytic[i] - numeric[i]));
            scale = Math.max(scale, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
        }
        return scale == 0 ? 0 : difference / scale;
    }

    private static final class Worst {
        private final String check;
        private final double tolerance;
        private double error = -1;
        private String where = "nothing checked";

        Worst(String check) {
            this(check, TOLERANCE);
        }

        Worst(String check, double tolerance) {
            this.check = check;
            this.tolerance = tolerance;
        }

        void add(String block, double[] analytic, double[] numeric) {
            double e = relativeError(analytic, numeric);
            if (Double.isNaN(e)) {
                e = Double.POSITIVE_INFINITY;
            }
            if (e > error) {
                error = e;
                where = block;
            }
        }

        Result result() {
            return new Result(check, Math.max(error, 0), where, tolerance);
        }
    }

    /** The matrix's values (its array may be longer). */
    private static double[] elements(DMatrixRMaj m) {
        return java.util.Arrays.copyOf(m.data, m.getNumElements());
    }

    private static double[] rowOf(DMatrixRMaj m, int row) {
        double[] values = new double[m.numCols];
        System.arraycopy(m.data, row * m.numCols, values, 0, m.numCols);
        return values;
    }

    private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            sum += a.data[i] * b.data[i];
        }
        return sum;
    }

    private static DMatrixRMaj random(int rows, int cols, RandomGenerator random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        fill(m, 1.0, random);
        return m;
    }

    private static void fill(DMatrixRMaj m, double range, RandomGenerator random) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextDouble(-range, range);
        }
    }
}
