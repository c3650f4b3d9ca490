package org.rnn4j.spark;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.engine.TrainingEngine;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * One partition of the training sequences and what computes their full-batch gradient: the run's
 * own trainer, given the partition as a single batch and an updater that keeps the gradient
 * instead of applying it. Spark keeps workers cached, so the network and the trainer's session
 * are built once per partition and reused every epoch.
 */
final class GradientWorker implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Config run;
    private final String dataName;
    private final int inputs;
    private final int outputs;
    private final List<Stored> sequences;
    private final long targets;
    private transient Computation computation;

    /** @param run the run's effective configuration (typesafe configs are serializable) */
    GradientWorker(Config run, DataSet data, List<Sequence> sequences) {
        this.run = run;
        this.dataName = data.name();
        this.inputs = data.inputSize();
        this.outputs = data.outputSize();
        this.sequences = new ArrayList<>();
        sequences.forEach(sequence -> this.sequences.add(Stored.of(sequence)));
        this.targets = new DataSet(dataName, inputs, outputs, sequences, List.of()).targetSteps();
    }

    /** The loss and gradient of this partition's sequences at parameters {@code theta}, summed over its target steps. */
    GradientSum gradient(double[] theta, int epoch) {
        GradientSum sum = new GradientSum(theta.length);
        if (targets == 0) {
            return sum;
        }
        Computation work = computation();
        work.network.parameters().unflatten(theta);
        work.capture.captured = false;
        // The order of the rows within the one batch changes only the rounding; fixed for reproducibility.
        double meanLoss = PluginRegistry.inContextOf(work.trainer,
                () -> work.session.runEpoch(epoch, new SplittableRandom(epoch)));
        if (!work.capture.captured) {
            throw new IllegalStateException("trainer '" + work.trainer.name() + "' gave no gradient for " + targets
                    + " target steps");
        }
        double[] gradient = work.capture.gradient;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= targets;
        }
        return sum.add(gradient, meanLoss * targets, targets);
    }

    private Computation computation() {
        if (computation == null) {
            computation = new Computation();
        }
        return computation;
    }

    /** The network, trainer session and gradient capture of this worker, rebuilt from the configuration. */
    private final class Computation {
        final Network network;
        final Trainer trainer;
        final Capture capture;
        final TrainingSession session;

        Computation() {
            Rnn4j rnn4j = Rnn4j.create(run, Thread.currentThread().getContextClassLoader());
            RunSettings settings = rnn4j.settings();
            PluginRegistry plugins = rnn4j.plugins();
            network = new TrainingEngine(plugins).buildNetwork(settings, inputs, outputs);
            trainer = plugins.get(PluginKind.TRAINER, settings.trainer().name());
            capture = new Capture(trainer.name(), network.parameters().size());
            Loss loss = plugins.get(PluginKind.LOSS, settings.loss());
            List<Sequence> data = new ArrayList<>();
            sequences.forEach(stored -> data.add(stored.sequence()));
            TrainingSetup setup = new TrainingSetup(settings.trainer().settings(), network,
                    new DataSet(dataName, inputs, outputs, data, List.of()), loss, capture, data.size(), TrainingListener.NONE);
            session = PluginRegistry.inContextOf(trainer, () -> trainer.start(setup));
        }
    }

    /** Keeps the one gradient a full-batch pass gives, leaving the parameters as they are. */
    private static final class Capture implements ParameterUpdater {
        final String trainer;
        final double[] gradient;
        boolean captured;

        Capture(String trainer, int parameters) {
            this.trainer = trainer;
            this.gradient = new double[parameters];
        }

        @Override
        public void update(Parameters parameters, Parameters gradient) {
            if (captured) {
                throw new InvalidInputException("rnn4j.trainer: '" + trainer + "' updates more than once per pass over a"
                        + " batch; data-parallel training needs one full-batch gradient per epoch (bptt with k1 = 0,"
                        + " or rtrl with update = sequence)");
            }
            gradient.flatten(this.gradient);
            captured = true;
        }
    }

    /** A sequence in a form Java serialization takes (a record of EJML matrices is not serializable). */
    private record Stored(DMatrixRMaj inputs, DMatrixRMaj targets, boolean[] hasTarget) implements Serializable {
        static Stored of(Sequence sequence) {
            return new Stored(sequence.inputs(), sequence.targets(), sequence.hasTarget());
        }

        Sequence sequence() {
            return new Sequence(inputs, targets, hasTarget);
        }
    }
}
