package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.core.EpochRunner;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingOptions;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.core.TrainingRun;

/** Data-parallel training against the same run trained full-batch in one JVM, in local[2] mode. */
class DataParallelTrainingTest {

    /** A small run whose batch holds every training sequence (40 of 50; 10 held out). */
    private static Config run(String trainer) {
        return ConfigFactory.parseString("""
                rnn4j {
                  data { type = temporal-xor, sequences = 50, length = 12 }
                  topology { type = elman, hidden = [5] }
                  trainer { type = %s, epochs = 12, batch-size = 100, checkpoint-every = 0 }
                }
                """.formatted(trainer));
    }

    private static final String RTRL = "rtrl, update = sequence";

    @ParameterizedTest
    @ValueSource(strings = {"bptt", RTRL})
    void oneEpochsGradientIsTheFullBatchGradient(String trainer) {
        Rnn4j rnn4j = Rnn4j.create(run(trainer));
        DataSet data = rnn4j.data();

        // Single machine: the trainer's own pass over every sequence as one batch.
        Kept kept = new Kept(rnn4j.network().parameters().size());
        EpochRunner local = rnn4j.epochRunner(data, kept, data.sequences().size());
        Network network = local.network();
        double[] start = network.parameters().toArray();
        double localLoss = local.runEpoch(1, new SplittableRandom(7));
        network.parameters().unflatten(start);

        DataParallelTraining.Workers workers = DataParallelTraining.partition(LocalSpark.context(), rnn4j.config(), data, 3);
        try {
            assertEquals(3, workers.rdd().getNumPartitions());
            GradientSum sum = DataParallelTraining.gradient(LocalSpark.context(), workers.rdd(), network, 1);
            double[] distributed = new double[network.parameters().size()];
            sum.meanGradient(distributed);
            assertEquals(data.targetSteps(), sum.targets());
            assertTrue(relative(distributed, kept.gradient) <= 1e-12,
                    "gradient differs by " + relative(distributed, kept.gradient));
            assertEquals(localLoss, sum.meanLoss(), 1e-12 * localLoss);
        } finally {
            workers.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bptt", RTRL})
    void trainingEndsWithTheLocalFullBatchParameters(String trainer) {
        TrainingRun local = Rnn4j.create(run(trainer)).train();
        Rnn4j rnn4j = Rnn4j.create(run(trainer));
        TrainingRun distributed;
        try (DataParallelTraining training = new DataParallelTraining(LocalSpark.context(), rnn4j.config(), 2)) {
            distributed = rnn4j.train(TrainingOptions.defaults().sessions(training));
        }
        double[] expected = local.model().parameters();
        double[] actual = distributed.model().parameters();
        assertTrue(relative(actual, expected) <= 1e-9, "parameters differ by " + relative(actual, expected));
        assertEquals(local.history().size(), distributed.history().size());
        for (int i = 0; i < local.history().size(); i++) {
            EpochRecord a = local.history().get(i);
            EpochRecord b = distributed.history().get(i);
            assertEquals(a.trainLoss(), b.trainLoss(), 1e-9 * a.trainLoss(), "epoch " + (i + 1));
        }
        assertEquals(local.evaluation().lossPerStep(), distributed.evaluation().lossPerStep(),
                1e-9 * local.evaluation().lossPerStep());
        // It did learn: the loss fell.
        assertTrue(distributed.history().get(11).trainLoss() < distributed.history().get(0).trainLoss());
    }

    @Test
    void aRunIsReproducibleToTheLastBit() {
        double[][] parameters = new double[2][];
        for (int i = 0; i < 2; i++) {
            Rnn4j rnn4j = Rnn4j.create(run("bptt"));
            try (DataParallelTraining training = new DataParallelTraining(LocalSpark.context(), rnn4j.config(), 3)) {
                parameters[i] = rnn4j.train(TrainingOptions.defaults().sessions(training)).model().parameters();
            }
        }
        assertArrayEquals(parameters[0], parameters[1]);
    }

    @Test
    void miniBatchesAreRefusedNamingTheKey() {
        Rnn4j rnn4j = Rnn4j.create(run("bptt").withValue("rnn4j.trainer.batch-size", ConfigValueFactory.fromAnyRef(10)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rnn4j.train(TrainingOptions.defaults().sessions(new DataParallelTraining(LocalSpark.context(), rnn4j.config(), 2))));
        assertTrue(e.getMessage().startsWith("rnn4j.trainer.batch-size: data-parallel training updates once per epoch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at least 40"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bptt, k1 = 4, k2 = 4", "rtrl, update = step"})
    void trainersThatUpdateWithinAPassAreRefused(String trainer) {
        Rnn4j rnn4j = Rnn4j.create(run(trainer));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rnn4j.train(TrainingOptions.defaults().sessions(new DataParallelTraining(LocalSpark.context(), rnn4j.config(), 2))));
        assertTrue(e.getMessage().contains("updates more than once per pass over a batch"), e.getMessage());
        assertTrue(e.getMessage().contains("bptt with k1 = 0, or rtrl with update = sequence"), e.getMessage());
    }

    @Test
    void sumsDoNotDependOnTheOrderPartitionsArrive() {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> parts = List.of(random.doubles(5, -1e3, 1e3).toArray(), random.doubles(5, -1e-3, 1e-3).toArray(),
                random.doubles(5, -1, 1).toArray());
        GradientSum forward = new GradientSum(5);
        GradientSum backward = new GradientSum(5);
        for (int i = 0; i < 3; i++) {
            forward.add(new GradientSum(5).add(parts.get(i), i, 1));
            backward.add(new GradientSum(5).add(parts.get(2 - i), 2 - i, 1));
        }
        double[] a = new double[5];
        double[] b = new double[5];
        forward.meanGradient(a);
        backward.meanGradient(b);
        assertArrayEquals(a, b);
        assertEquals(forward.meanLoss(), backward.meanLoss());
    }

    private static double relative(double[] actual, double[] expected) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            difference += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(difference / norm);
    }

    /** Keeps the gradient of the one update a full-batch pass makes. */
    private static final class Kept implements ParameterUpdater {
        final double[] gradient;

        Kept(int size) {
            gradient = new double[size];
        }

        @Override
        public void update(Parameters parameters, Parameters gradient) {
            gradient.flatten(this.gradient);
        }
    }
}
