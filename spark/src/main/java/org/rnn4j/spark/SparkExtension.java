package org.rnn4j.spark;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.rnn4j.api.Settings;
import org.rnn4j.cli.Extension;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.api.SessionFactory;

/**
 * The {@code rnn4j} command line on Spark: {@code train} runs data-parallel and {@code sweep} is
 * added. The Spark session starts when a command first needs it and stops when the command ends.
 */
final class SparkExtension implements Extension {

    private final List<DataParallelTraining> trainings = new ArrayList<>();
    private SparkSession spark;
    private boolean started;

    @Override
    public SessionFactory sessions(Rnn4j rnn4j) {
        Config config = rnn4j.config();
        int partitions = new Settings(config.getConfig("rnn4j.spark"), "rnn4j.spark").integer("partitions", 0, 1_000_000);
        DataParallelTraining training = new DataParallelTraining(JavaSparkContext.fromSparkContext(spark(config).sparkContext()),
                config, partitions);
        trainings.add(training);
        return training;
    }

    @Override
    public Map<String, Object> commands() {
        return Map.of("sweep", new SweepCommand(this));
    }

    /**
     * The Spark session: the one already running in this JVM, else one started now with the master
     * spark-submit gave (the {@code spark.master} property) or else {@code rnn4j.spark.master}.
     */
    SparkSession spark(Config config) {
        if (spark == null) {
            started = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
            SparkSession.Builder builder = SparkSession.builder().appName("rnn4j");
            if (!new SparkConf().contains("spark.master")) {
                builder.master(new Settings(config.getConfig("rnn4j.spark"), "rnn4j.spark").string("master"));
            }
            spark = builder.getOrCreate();
        }
        return spark;
    }

    @Override
    public void close() {
        trainings.forEach(DataParallelTraining::close);
        if (started) {
            spark.stop();
        }
    }
}
