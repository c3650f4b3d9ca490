package org.rnn4j.trainers;

import org.junit.jupiter.api.Nested;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Trainer;
import org.rnn4j.tck.OptimizerContractTest;
import org.rnn4j.tck.TrainerContractTest;

/** The tck's trainer and optimizer contracts on the built-ins: declared updates hold, state restores bit for bit. */
final class TrainersContractTest {

    @Nested final class FullBptt extends TrainerContractTest {
        @Override protected Trainer trainer() { return new BpttTrainer(); }
    }

    @Nested final class TruncatedBptt extends TrainerContractTest {
        @Override protected Trainer trainer() { return new BpttTrainer(); }
        @Override protected String settings() { return "k1 = 2, k2 = 3"; }
    }

    @Nested final class RtrlPerStep extends TrainerContractTest {
        @Override protected Trainer trainer() { return new RtrlTrainer(); }
        @Override protected String settings() { return "update = step"; }
    }

    @Nested final class RtrlPerSequence extends TrainerContractTest {
        @Override protected Trainer trainer() { return new RtrlTrainer(); }
        @Override protected String settings() { return "update = sequence"; }
    }

    @Nested final class SnapPerStep extends TrainerContractTest {
        @Override protected Trainer trainer() { return new SnapTrainer(); }
        @Override protected String settings() { return "update = step"; }
    }

    @Nested final class SnapPerSequence extends TrainerContractTest {
        @Override protected Trainer trainer() { return new SnapTrainer(); }
        @Override protected String settings() { return "update = sequence"; }
    }

    @Nested final class UoroPerStep extends TrainerContractTest {
        @Override protected Trainer trainer() { return new UoroTrainer(); }
        @Override protected String settings() { return "update = step"; }
    }

    @Nested final class UoroPerSequence extends TrainerContractTest {
        @Override protected Trainer trainer() { return new UoroTrainer(); }
        @Override protected String settings() { return "update = sequence"; }
    }

    @Nested final class Sgd extends OptimizerContractTest {
        @Override protected Optimizer optimizer() { return new SgdOptimizer(); }
        @Override protected String settings() { return "nesterov = true"; }
    }

    @Nested final class Adam extends OptimizerContractTest {
        @Override protected Optimizer optimizer() { return new AdamOptimizer(); }
    }

    @Nested final class Rmsprop extends OptimizerContractTest {
        @Override protected Optimizer optimizer() { return new RmspropOptimizer(); }
    }

    @Nested final class Rprop extends OptimizerContractTest {
        @Override protected Optimizer optimizer() { return new RpropOptimizer(); }
    }
}
