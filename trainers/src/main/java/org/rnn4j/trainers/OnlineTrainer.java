package org.rnn4j.trainers;

import com.typesafe.config.Config;
import org.rnn4j.api.Loss;
import org.rnn4j.api.Memory;
import org.rnn4j.api.Settings;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;

/**
 * What the online trainers share — {@code rtrl}, {@code snap}, {@code uoro}: the gradient of each
 * step's loss known at that step from an influence carried forward ({@link Influence}), updates
 * per step or per sequence, teacher forcing, a batch session and an online learner. They differ in
 * the influence and what it costs.
 */
abstract class OnlineTrainer implements Trainer {

    /** The influence for these settings, after checking them; {@code network} and {@code rows} size the memory it needs. */
    abstract Influence.Kind influence(Settings settings, Network network, int rows);

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
        return new RtrlSession(setup, online, teacherForcing, influence(settings, setup.network(), setup.batchSize()));
    }

    @Override
    public boolean learnsOnline() {
        return true;
    }

    @Override
    public OnlineLearner online(Config settings, Network network, Loss loss, ParameterUpdater updater) {
        Settings read = new Settings(settings, "rnn4j.trainer");
        return new RtrlLearner(network, loss, updater, teacherForcing(read, network), influence(read, network, 1));
    }

    /** Refuses what {@code rows} rows' influence would need beyond the memory there is. */
    static void requireMemory(String trainer, Network network, long doublesPerRow, long shared, int rows, String what) {
        Memory.require(Memory.doubles(doublesPerRow, rows) + Memory.doubles(shared, 1), trainer + ": " + what + " for "
                + rows + " sequence" + (rows == 1 ? "" : "s") + " of a network of " + network.stateSize() + " state values and "
                + network.parameters().size() + " parameters", "a smaller rnn4j.trainer.batch-size or network");
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
