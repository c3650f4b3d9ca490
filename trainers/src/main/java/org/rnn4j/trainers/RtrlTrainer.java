package org.rnn4j.trainers;

import com.typesafe.config.Config;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Memory;
import org.rnn4j.api.Settings;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rtrl}: real-time recurrent learning (Williams and Zipser 1989). Instead of unfolding the
 * network backwards, it carries forward, for every sequence of the batch, the sensitivity of
 * the state to every parameter, P_t = ∂s_t/∂θ:
 *
 * <pre>    P_t = (∂s_t/∂s_{t-1}) P_{t-1} + ∂s_t/∂θ|immediate,   ∂L_t/∂θ = ∂L_t/∂θ|direct + (∂L_t/∂s_{t-1}) P_{t-1}</pre>
 *
 * so the gradient of each step's loss is known at that step. With {@code update = step} the
 * parameters change after every time step — true online learning, the model learned while the
 * data arrives; with {@code update = sequence} the gradients are summed and applied at the end
 * of each batch of sequences, when they equal BPTT's exactly.
 *
 * <p>Each step costs about n²·p multiply-adds per sequence (n state values, p parameters) —
 * O(n⁴) for a fully recurrent net — and memory n·p per sequence, independent of the length.
 */
public final class RtrlTrainer implements Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(RtrlTrainer.class);

    /** Multiply-adds per step above which a warning suggests BPTT. */
    static final double EXPENSIVE_STEP = 1e8;

    @Override
    public String name() {
        return "rtrl";
    }

    @Override
    public String description() {
        return "real-time recurrent learning, online (update per step) or per sequence";
    }

    @Override
    public Updates updates(Config settings) {
        return new Settings(settings, "rnn4j.trainer").oneOf("update", "step", "sequence").equals("sequence")
                ? Updates.ONCE_PER_BATCH : Updates.SEVERAL_PER_BATCH;
    }

    @Override
    public TrainingSession start(TrainingSetup setup) {
        Settings settings = new Settings(setup.settings(), "rnn4j.trainer");
        boolean online = settings.oneOf("update", "step", "sequence").equals("step");
        boolean teacherForcing = teacherForcing(settings, setup.network());
        double n = setup.network().stateSize();
        double p = setup.network().parameters().size();
        // Two n × p sensitivity matrices per sequence of the batch.
        Memory.require(Memory.doubles((long) n * (long) p, 2L * setup.batchSize()), "rtrl: the sensitivities of "
                + setup.batchSize() + " sequences (" + (long) n + " state values × " + (long) p + " parameters, twice each)",
                "a smaller rnn4j.trainer.batch-size, a smaller network, or bptt");
        double cost = n * n * p * setup.batchSize();
        if (cost > EXPENSIVE_STEP) {
            LOG.warn("rtrl: one step of this network costs about {} multiply-adds (n²·p·batch = {}²·{}·{});"
                    + " bptt computes the same gradient far faster", String.format("%.1e", cost), (int) n, (int) p,
                    setup.batchSize());
        }
        return new RtrlSession(setup, online, teacherForcing);
    }

    @Override
    public boolean learnsOnline() {
        return true;
    }

    @Override
    public OnlineLearner online(Config settings, Network network, Loss loss, ParameterUpdater updater) {
        Memory.require(Memory.doubles((long) network.stateSize() * network.parameters().size(), 2), "rtrl: the sensitivities ("
                + network.stateSize() + " state values × " + network.parameters().size() + " parameters, twice)",
                "a smaller network");
        return new RtrlLearner(network, loss, updater, teacherForcing(new Settings(settings, "rnn4j.trainer"), network));
    }

    private static boolean teacherForcing(Settings settings, Network network) {
        boolean teacherForcing = settings.flag("teacher-forcing");
        if (teacherForcing && network.outputStateOffset() < 0) {
            throw settings.invalid("teacher-forcing", "needs a network whose outputs are part of its state"
                    + " (fully-recurrent, jordan); this one's are not");
        }
        return teacherForcing;
    }
}
