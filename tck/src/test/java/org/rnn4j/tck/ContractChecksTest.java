package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Activation;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.network.Unrolled;

/** The checks pass a correct network and fail each kind of wrong derivative: they can fail. */
final class ContractChecksTest {

    private static final Activation TANH = new Activation() {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double fx) {
            return 1 - fx * fx;
        }
    };

    static Network elman() {
        return LayerGraph.builder(2)
                .group("hidden", 3, TANH, true)
                .connect("input", "hidden", 0)
                .connect("hidden", "hidden", 1)
                .group("output", 2, TANH, true)
                .connect("hidden", "output", 0)
                .output("output")
                .build().network();
    }

    @Test
    void aCorrectNetworkPassesEveryCheckWithRoomToSpare() {
        for (ContractChecks.Result result : ContractChecks.all(elman(), new SplittableRandom(1))) {
            assertTrue(result.worstError() < 1e-8, result.toString());
        }
    }

    /**
     * A graph whose window order is not its declaration order: "early" reads "late" a step
     * back, and "late" is declared after it; "late" also reads the input a step back (the input
     * is part of the state), "early" feeds itself one-to-one, and the output is a slice of a group.
     */
    @Test
    void aGraphComputedOutOfDeclarationOrderPassesEveryCheck() {
        Network network = LayerGraph.builder(2)
                .group("early", 3, TANH, true)
                .connect("input", "early", 0)
                .connect("late", "early", 1)
                .connectDiagonal("early[t-1]->early", "early", "early", 1)
                .group("late", 4, TANH, true)
                .connect("input", "late", 1)
                .group("mixed", 3, TANH, false)
                .connect("early", "mixed", 0)
                .connect("late", "mixed", 0)
                .output("mixed", 1, 2)
                .build().network();
        for (ContractChecks.Result result : ContractChecks.all(network, new SplittableRandom(5))) {
            assertTrue(result.worstError() < 1e-8, result.toString());
        }
    }

    @Test
    void aWrongUnrolledWindowFails() {
        Network network = elman();
        Network broken = new ForwardingNetwork(network) {
            @Override
            public Unrolled unroll(int batchSize, int capacity) {
                Unrolled window = network.unroll(batchSize, capacity);
                return new Unrolled() {
                    @Override
                    public int batchSize() {
                        return window.batchSize();
                    }

                    @Override
                    public int capacity() {
                        return window.capacity();
                    }

                    @Override
                    public void forward(DMatrixRMaj initialState, List<DMatrixRMaj> inputs) {
                        window.forward(initialState, inputs);
                    }

                    @Override
                    public DMatrixRMaj output(int t) {
                        return window.output(t);
                    }

                    @Override
                    public DMatrixRMaj state(int t) {
                        return window.state(t);
                    }

                    @Override
                    public void backward(List<DMatrixRMaj> outputGradients, DMatrixRMaj stateGradient, Parameters gradient) {
                        window.backward(outputGradients, stateGradient, gradient);
                        gradient.get("input->hidden").data[1] *= 1 + 1e-7;
                    }
                };
            }
        };
        SplittableRandom random = new SplittableRandom(6);
        ContractChecks.randomizeParameters(broken, random);
        ContractChecks.Result result = ContractChecks.unrolled(broken, random, 2, 4);
        assertFalse(result.passed(), result.toString());
        assertTrue(result.where().equals("input->hidden"), result.toString());
    }

    @Test
    void aWrongBackwardFails() {
        Network broken = new ForwardingNetwork(elman()) {
            @Override
            public void backward(StepCache cache, DMatrixRMaj outputGradient, DMatrixRMaj stateGradient,
                                 Parameters gradient, DMatrixRMaj previousStateGradient, DMatrixRMaj inputGradient) {
                super.backward(cache, outputGradient, stateGradient, gradient, previousStateGradient, inputGradient);
                gradient.get("hidden.bias").data[0] *= 1.001;
            }
        };
        SplittableRandom random = new SplittableRandom(2);
        ContractChecks.randomizeParameters(broken, random);
        ContractChecks.Result result = ContractChecks.backward(broken, random, 2, 3);
        assertFalse(result.passed(), result.toString());
        assertTrue(result.where().equals("hidden.bias"), result.toString());
    }

    @Test
    void aWrongStateJacobianFails() {
        Network broken = new ForwardingNetwork(elman()) {
            @Override
            public void stateJacobian(StepCache cache, int row, DMatrixRMaj jacobian) {
                super.stateJacobian(cache, row, jacobian);
                jacobian.data[4] += 1e-4;
            }
        };
        SplittableRandom random = new SplittableRandom(3);
        ContractChecks.randomizeParameters(broken, random);
        assertFalse(ContractChecks.stateJacobian(broken, random, 2).passed());
    }

    @Test
    void aWrongParameterJacobianFails() {
        Network broken = new ForwardingNetwork(elman()) {
            @Override
            public void addParameterJacobian(StepCache cache, int row, DMatrixRMaj sensitivity) {
                super.addParameterJacobian(cache, row, sensitivity);
                sensitivity.data[sensitivity.numCols - 1] += 1e-3;
            }
        };
        SplittableRandom random = new SplittableRandom(4);
        ContractChecks.randomizeParameters(broken, random);
        assertFalse(ContractChecks.parameterJacobian(broken, random, 2).passed());
    }

    @Test
    void anOverrideThatDriftsFromTheDefaultFailsTheExactCheckThoughFiniteDifferencesMissIt() {
        Network drifting = new ForwardingNetwork(elman()) {
            @Override
            public void stateJacobian(StepCache cache, int row, DMatrixRMaj jacobian) {
                super.stateJacobian(cache, row, jacobian);
                jacobian.data[4] *= 1 + 1e-7;
            }
        };
        SplittableRandom random = new SplittableRandom(5);
        ContractChecks.randomizeParameters(drifting, random);
        ContractChecks.Result exact = ContractChecks.jacobiansAsFromBackward(drifting, random, 2);
        assertFalse(exact.passed(), exact.toString());
        assertTrue(exact.where().endsWith("state Jacobian"), exact.toString());
    }

    @Test
    void aNetworkWithForwardAndBackwardOnlyPassesEveryCheck() {
        Network elman = elman();
        Network plain = new ForwardingNetwork(elman) {
            @Override
            public void stateJacobian(StepCache cache, int row, DMatrixRMaj jacobian) {
                org.rnn4j.api.network.JacobiansFromBackward.stateJacobian(this, cache, row, jacobian);
            }

            @Override
            public void addParameterJacobian(StepCache cache, int row, DMatrixRMaj sensitivity) {
                org.rnn4j.api.network.JacobiansFromBackward.addParameterJacobian(this, cache, row, sensitivity);
            }
        };
        for (ContractChecks.Result result : ContractChecks.all(plain, new SplittableRandom(6))) {
            assertTrue(result.passed(), result.toString());
        }
    }
}
