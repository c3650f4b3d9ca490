package org.rnn4j.spark;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.api.SessionFactory;

/**
 * Data-parallel training on Spark, the way Spark MLlib trains its own models: the training
 * sequences are split into partitions cached on the executors; every epoch the driver broadcasts
 * the parameters, each partition computes the loss gradient of its sequences with the run's own
 * trainer, {@code treeAggregate} sums them, and the driver applies the configured optimizer.
 *
 * <p>An epoch is one full-batch update, so a run gives what the same run file gives locally with
 * {@code rnn4j.trainer.batch-size} at least the number of training sequences (which it must say):
 * the same loss curve and model, to rounding. Everything around the epochs — data split,
 * validation, early stopping, schedules, checkpoints — is the engine's, as in a local run.
 *
 * <pre>{@code
 * try (DataParallelTraining training = new DataParallelTraining(sparkContext, rnn4j.config(), 8)) {
 *     TrainingRun run = rnn4j.train(TrainingOptions.defaults().sessions(training));
 * }
 * }</pre>
 */
public final class DataParallelTraining implements SessionFactory, AutoCloseable {

    private final JavaSparkContext spark;
    private final Config run;
    private final int partitions;
    private final List<Workers> cached = new ArrayList<>();

    /**
     * @param run        the run's effective configuration ({@code rnn4j.config()}), which the
     *                   executors rebuild the network and trainer from
     * @param partitions partitions of the training sequences; 0 for Spark's default parallelism
     */
    public DataParallelTraining(JavaSparkContext spark, Config run, int partitions) {
        this.spark = spark;
        this.run = run;
        this.partitions = partitions > 0 ? partitions : spark.defaultParallelism();
    }

    @Override
    public TrainingSession start(Trainer trainer, TrainingSetup setup) {
        List<Sequence> sequences = setup.data().sequences();
        if (setup.batchSize() < sequences.size()) {
            throw new InvalidInputException("rnn4j.trainer.batch-size: data-parallel training updates once per epoch with"
                    + " the gradient of all " + sequences.size() + " training sequences; set it to at least "
                    + sequences.size() + " (it is " + setup.batchSize() + "), so that a local run of the same file does"
                    + " the same");
        }
        if (trainer.updates(setup.settings()) != Trainer.Updates.ONCE_PER_BATCH) {
            throw new InvalidInputException("rnn4j.trainer: '" + trainer.name() + "' updates more than once per pass over a"
                    + " batch; data-parallel training needs one full-batch gradient per epoch (bptt with k1 = 0,"
                    + " or rtrl with update = sequence)");
        }
        // Fails here, on the driver, with the trainer's own message when it still gives more than one gradient per pass.
        Sequence longest = sequences.stream().max(Comparator.comparingInt(Sequence::length)).orElseThrow();
        new GradientWorker(run, SequencePart.of(setup.data(), List.of(longest)).dataSet())
                .gradient(setup.network().parameters().toArray(), 1);

        Workers workers = partition(spark, run, setup.data(), partitions);
        cached.add(workers);
        return new Session(spark, workers.rdd(), setup);
    }

    /**
     * {@code data}'s sequences in {@code partitions} consecutive parts, one worker each, built and
     * cached on the executors. Each part travels once, as a broadcast: a task then carries only its
     * part's number, where a parallelized collection would carry its data every epoch.
     */
    static Workers partition(JavaSparkContext spark, Config run, DataSet data, int partitions) {
        List<Sequence> sequences = data.sequences();
        int count = Math.min(partitions, sequences.size());
        List<Broadcast<SequencePart>> parts = new ArrayList<>();
        for (int part = 0; part < count; part++) {
            int from = (int) ((long) part * sequences.size() / count);
            int to = (int) ((long) (part + 1) * sequences.size() / count);
            parts.add(spark.broadcast(SequencePart.of(data, sequences.subList(from, to))));
        }
        // Broadcast too: a configuration in the workers' lineage would be deserialized by every task.
        Broadcast<Config> config = spark.broadcast(run);
        List<Integer> numbers = java.util.stream.IntStream.range(0, count).boxed().toList();
        JavaRDD<GradientWorker> workers = spark.parallelize(numbers, count)
                .map(part -> new GradientWorker(config.value(), parts.get(part).value().dataSet()))
                .persist(StorageLevel.MEMORY_ONLY());
        return new Workers(workers, config, parts);
    }

    /** The cached workers of one run and the broadcasts they are built from (kept to rebuild a lost one). */
    record Workers(JavaRDD<GradientWorker> rdd, Broadcast<Config> config, List<Broadcast<SequencePart>> parts) {
        void release() {
            rdd.unpersist();
            config.destroy();
            parts.forEach(Broadcast::destroy);
        }
    }

    /** Forgets the cached partitions of every run trained through this factory. */
    @Override
    public void close() {
        cached.forEach(Workers::release);
        cached.clear();
    }

    /** The loss and gradient of every worker's sequences at {@code network}'s parameters, summed. */
    static GradientSum gradient(JavaSparkContext spark, JavaRDD<GradientWorker> workers, Network network, int epoch) {
        int size = network.parameters().size();
        Broadcast<double[]> theta = spark.broadcast(network.parameters().toArray());
        try {
            return workers.treeAggregate(new GradientSum(size),
                    (sum, worker) -> sum.add(worker.gradient(theta.value(), epoch)), GradientSum::add, 2);
        } catch (RuntimeException e) {
            throw SparkFailures.unwrap(e);
        } finally {
            theta.destroy();
        }
    }

    /** One full-batch update per epoch, its gradient computed on the executors. */
    private static final class Session implements TrainingSession {
        private final JavaSparkContext spark;
        private final JavaRDD<GradientWorker> workers;
        private final TrainingSetup setup;
        private final Parameters gradient;
        private final double[] mean;

        Session(JavaSparkContext spark, JavaRDD<GradientWorker> workers, TrainingSetup setup) {
            this.spark = spark;
            this.workers = workers;
            this.setup = setup;
            this.gradient = setup.network().parameters().zerosLike();
            this.mean = new double[gradient.size()];
        }

        @Override
        public double runEpoch(int epoch, java.util.random.RandomGenerator random) {
            GradientSum sum = gradient(spark, workers, setup.network(), epoch);
            if (sum.targets() == 0) {
                return 0;
            }
            sum.meanGradient(mean);
            gradient.unflatten(mean);
            setup.updater().update(setup.network().parameters(), gradient);
            double loss = sum.meanLoss();
            setup.listener().onBatch(new BatchEvent(epoch, 1, 1, loss));
            return loss;
        }
    }
}
