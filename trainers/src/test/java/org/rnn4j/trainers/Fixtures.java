package org.rnn4j.trainers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.Loss;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSetup;

/** Shared test data: sequences of different lengths with missing targets, and settings from the defaults. */
final class Fixtures {

    private Fixtures() {
    }

    /** The built-in topology of that name. */
    static org.rnn4j.api.Topology topology(String name) {
        return switch (name) {
            case "feedforward" -> new org.rnn4j.topologies.FeedforwardTopology();
            case "elman" -> new org.rnn4j.topologies.ElmanTopology();
            case "jordan" -> new org.rnn4j.topologies.JordanTopology();
            case "partially-recurrent" -> new org.rnn4j.topologies.PartiallyRecurrentTopology();
            case "fully-recurrent" -> new org.rnn4j.topologies.FullyRecurrentTopology();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A trainer's or optimizer's defaults from reference.conf, under {@code overrides}. */
    static Config settings(String root, String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference().getConfig(root));
    }

    /** Sequences of lengths 4, 2 and 5, without a target at step 1. */
    static DataSet data(int inputs, int outputs, SplittableRandom random) {
        List<Sequence> sequences = new ArrayList<>();
        for (int length : new int[] {4, 2, 5}) {
            DMatrixRMaj x = new DMatrixRMaj(length, inputs);
            DMatrixRMaj y = new DMatrixRMaj(length, outputs);
            boolean[] mask = new boolean[length];
            for (int t = 0; t < length; t++) {
                for (int i = 0; i < inputs; i++) {
                    x.set(t, i, random.nextDouble(-1, 1));
                }
                for (int k = 0; k < outputs; k++) {
                    y.set(t, k, random.nextDouble());
                }
                mask[t] = t != 1;
            }
            sequences.add(new Sequence(x, y, mask));
        }
        return new DataSet("test", inputs, outputs, sequences, List.of());
    }

    /** The gradient of one epoch over all of {@code data} in one batch, as the trainer computes it. */
    static double[] gradient(org.rnn4j.api.Trainer trainer, Config settings, Network network, Loss loss, DataSet data) {
        double[] captured = new double[network.parameters().size()];
        TrainingSetup setup = new TrainingSetup(settings, network, data, loss,
                (parameters, gradient) -> gradient.flatten(captured), data.sequences().size(), TrainingListener.NONE);
        trainer.start(setup).runEpoch(1, new SplittableRandom(1));
        return captured;
    }

    /** Mean loss per target step over all sequences, each run alone from the initial state. */
    static double meanLoss(Network network, Loss loss, DataSet data) {
        double sum = 0;
        int count = 0;
        for (Sequence sequence : data.sequences()) {
            DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
            network.initialState(state);
            StepCache cache = network.newStepCache(1);
            for (int t = 0; t < sequence.length(); t++) {
                DMatrixRMaj x = new DMatrixRMaj(1, data.inputSize());
                System.arraycopy(sequence.inputs().data, t * data.inputSize(), x.data, 0, data.inputSize());
                network.forward(state, x, cache);
                state = cache.state().copy();
                if (sequence.hasTarget(t)) {
                    DMatrixRMaj target = new DMatrixRMaj(1, data.outputSize());
                    System.arraycopy(sequence.targets().data, t * data.outputSize(), target.data, 0, data.outputSize());
                    sum += loss.evaluate(cache.output(), target, 0, 0, null);
                    count++;
                }
            }
        }
        return sum / count;
    }
}
