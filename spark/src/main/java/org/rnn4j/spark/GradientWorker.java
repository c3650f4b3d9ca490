package org.rnn4j.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.graph.MatrixKernels;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.core.EpochRunner;
import org.rnn4j.core.Rnn4j;

/**
 * One partition of the training sequences and what computes their full-batch gradient: the run's
 * own trainer, given the partition as a single batch and an updater that keeps the gradient
 * instead of applying it. Built on the executor and cached there by Spark, so the network and the
 * trainer's session are made once per partition and reused every epoch.
 */
final class GradientWorker {

    private final EpochRunner runner;
    private final Capture capture;
    private final long targets;

    /** @param run the run's effective configuration, which the network and trainer are rebuilt from */
    GradientWorker(Config run, DataSet part) {
        MatrixKernels.best().useThreads(1); // Spark runs a task per core: neither BLAS nor the trainer adds threads
        Rnn4j rnn4j = Rnn4j.builder().config(ConfigFactory.parseMap(Map.of("rnn4j.trainer.threads", 1)).withFallback(run))
                .classLoader(Thread.currentThread().getContextClassLoader()).build();
        capture = new Capture(rnn4j.config().getString("rnn4j.trainer.type"));
        runner = rnn4j.epochRunner(part, capture, part.sequences().size());
        targets = part.targetSteps();
    }

    /** The loss and gradient of this partition's sequences at parameters {@code theta}, summed over its target steps. */
    GradientSum gradient(double[] theta, int epoch) {
        GradientSum sum = new GradientSum(theta.length);
        if (targets == 0) {
            return sum;
        }
        runner.network().parameters().unflatten(theta);
        capture.captured = false;
        // The order of the rows within the one batch changes only the rounding; fixed for reproducibility.
        double meanLoss = runner.runEpoch(epoch, new SplittableRandom(epoch));
        if (!capture.captured) {
            throw new IllegalStateException("trainer '" + runner.trainer() + "' gave no gradient for " + targets
                    + " target steps");
        }
        double[] gradient = capture.gradient;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= targets;
        }
        return sum.add(gradient, meanLoss * targets, targets);
    }

    /** Keeps the one gradient a full-batch pass gives, leaving the parameters as they are. */
    private static final class Capture implements ParameterUpdater {
        final String trainer;
        double[] gradient;
        boolean captured;

        Capture(String trainer) {
            this.trainer = trainer;
        }

        @Override
        public void update(Parameters parameters, Parameters gradient) {
            if (captured) {
                throw new InvalidInputException("rnn4j.trainer: '" + trainer + "' updates more than once per pass over a"
                        + " batch; data-parallel training needs one full-batch gradient per epoch (bptt with k1 = 0,"
                        + " or rtrl with update = sequence)");
            }
            if (this.gradient == null) {
                this.gradient = new double[gradient.size()];
            }
            gradient.flatten(this.gradient);
            captured = true;
        }
    }
}
