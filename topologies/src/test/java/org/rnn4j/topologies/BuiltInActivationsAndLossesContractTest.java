package org.rnn4j.topologies;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Activation;
import org.rnn4j.api.Loss;
import org.rnn4j.api.activation.HardSigmoid;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.activation.LeakyRelu;
import org.rnn4j.api.activation.Relu;
import org.rnn4j.api.activation.Sigmoid;
import org.rnn4j.api.activation.Softplus;
import org.rnn4j.api.activation.Softsign;
import org.rnn4j.api.activation.Tanh;
import org.rnn4j.api.loss.BinaryCrossEntropy;
import org.rnn4j.api.loss.CrossEntropy;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.tck.ActivationContractTest;
import org.rnn4j.tck.LossContractTest;

/** The tck's activation and loss contracts on the built-ins (they live in api, which cannot depend on the tck). */
final class BuiltInActivationsAndLossesContractTest {

    @Nested final class SigmoidContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Sigmoid(); }
    }

    @Nested final class TanhContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Tanh(); }
    }

    @Nested final class IdentityContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Identity(); }
    }

    @Nested final class ReluContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Relu(); }
    }

    @Nested final class LeakyReluContract extends ActivationContractTest {
        @Override protected Activation activation() { return new LeakyRelu(); }
    }

    @Nested final class HardSigmoidContract extends ActivationContractTest {
        @Override protected Activation activation() { return new HardSigmoid(); }
    }

    @Nested final class SoftplusContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Softplus(); }
    }

    @Nested final class SoftsignContract extends ActivationContractTest {
        @Override protected Activation activation() { return new Softsign(); }
    }

    @Nested final class MeanSquaredErrorContract extends LossContractTest {
        @Override protected Loss loss() { return new MeanSquaredError(); }
    }

    /** Outputs are logits; targets are distributions. */
    @Nested final class CrossEntropyContract extends LossContractTest {
        @Override protected Loss loss() { return new CrossEntropy(); }

        @Override protected DMatrixRMaj target(int batch, int width, SplittableRandom random) {
            DMatrixRMaj target = new DMatrixRMaj(batch, width);
            for (int b = 0; b < batch; b++) {
                double sum = 0;
                for (int k = 0; k < width; k++) {
                    sum += target.data[b * width + k] = random.nextDouble(0.1, 1);
                }
                for (int k = 0; k < width; k++) {
                    target.data[b * width + k] /= sum;
                }
            }
            return target;
        }
    }

    /** Outputs and targets are probabilities. */
    @Nested final class BinaryCrossEntropyContract extends LossContractTest {
        @Override protected Loss loss() { return new BinaryCrossEntropy(); }

        @Override protected DMatrixRMaj output(int batch, int width, SplittableRandom random) {
            return probabilities(batch, width, random);
        }

        @Override protected DMatrixRMaj target(int batch, int width, SplittableRandom random) {
            return probabilities(batch, width, random);
        }

        private DMatrixRMaj probabilities(int batch, int width, SplittableRandom random) {
            DMatrixRMaj m = new DMatrixRMaj(batch, width);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = random.nextDouble(0.1, 0.9);
            }
            return m;
        }
    }
}
