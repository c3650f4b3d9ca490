package org.rnn4j.spark;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.graph.MatrixKernels;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.TrainingRun;
import org.rnn4j.core.OutputFiles;

import static org.apache.spark.sql.functions.col;

/**
 * A sweep on Spark: every run of a {@link SweepPlan} trains as one Spark task through the
 * {@link Rnn4j} facade, and comes back as one row of a {@link Dataset} — the run's axis values and
 * seed, its status, losses, task metric, epochs and time. A run that fails (a bad combination, a
 * diverging run) is a row with status {@code failed} and the reason; it does not stop the sweep.
 * Runs are deterministic and write nothing themselves, so a task Spark retries after losing an
 * executor gives the same row once.
 */
public final class Sweep {

    /** The column of each run's model file, as bytes; not written to the tables. */
    public static final String MODEL = "model";

    /** The name of the best model's file in a sweep's folder. */
    public static final String BEST_MODEL = "best.rnn4j";

    private Sweep() {
    }

    /** The column an axis is reported in: {@code rnn4j.topology.type} → {@code topology_type}. */
    public static String column(String axis) {
        return axis.replaceFirst("^rnn4j\\.", "").replace('.', '_').replace('-', '_');
    }

    /**
     * Trains every run of {@code plan}, one Spark task each. The result is cached: write it, read
     * it, then {@code unpersist()} it.
     */
    public static Dataset<Row> run(SparkSession spark, SweepPlan plan) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = context.parallelize(plan.runs(), plan.runs().size()).map(Sweep::train);
        return spark.createDataFrame(rows, schema(plan.axes())).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Writes a sweep's results to {@code folder}: {@code results.csv} and {@code results.parquet}
     * (Spark's folders of part files; one row per run, by run number) and the model of the
     * completed run with the lowest held-out loss as {@link #BEST_MODEL}. Returns the rows
     * written, completed runs first, best first.
     */
    public static List<Row> write(Dataset<Row> results, Path folder) {
        Dataset<Row> table = results.drop(MODEL).orderBy("run");
        table.coalesce(1).write().option("header", true).csv(folder.resolve("results.csv").toString());
        table.write().parquet(folder.resolve("results.parquet").toString());
        List<Row> best = results.filter(col("status").equalTo("ok")).orderBy(col("test_loss"), col("run"))
                .select(MODEL).limit(1).collectAsList();
        if (!best.isEmpty()) {
            OutputFiles.write(folder.resolve(BEST_MODEL), (byte[]) best.get(0).get(0));
        }
        return table.orderBy(col("status").equalTo("failed"), col("test_loss"), col("run")).collectAsList();
    }

    /** One run, as a Spark task. */
    static Row train(SweepPlan.Run run) {
        long start = System.nanoTime();
        MatrixKernels.best().useThreads(1); // Spark runs a task per core: neither BLAS nor the trainer adds threads
        List<Object> values = new ArrayList<>();
        values.add(run.id());
        values.addAll(run.values().values());
        values.add(run.seed());
        try {
            Rnn4j rnn4j = Rnn4j.builder().config(ConfigFactory.parseMap(Map.of("rnn4j.trainer.threads", 1))
                    .withFallback(run.config())).classLoader(Thread.currentThread().getContextClassLoader()).build();
            TrainingRun result = rnn4j.train();
            Map.Entry<String, Double> metric = result.evaluation().metrics().entrySet().stream().findFirst().orElse(null);
            values.add("ok");
            values.add(null);
            values.add(result.history().size());
            values.add(result.history().isEmpty() ? null : result.history().get(result.history().size() - 1).trainLoss());
            values.add(result.evaluation().lossPerStep());
            values.add(metric == null ? null : metric.getKey());
            values.add(metric == null ? null : metric.getValue());
            values.add(seconds(start));
            values.add(modelFile(result));
        } catch (Exception e) {
            // A failed run is a result; an Error (the executor in trouble) is left to Spark to retry.
            values.add("failed");
            values.add(reason(e));
            for (int i = 0; i < 5; i++) {
                values.add(null);
            }
            values.add(seconds(start));
            values.add(null);
        }
        return RowFactory.create(values.toArray());
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static String reason(Exception e) {
        String message = e instanceof InvalidInputException ? e.getMessage() : e.toString();
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    private static byte[] modelFile(TrainingRun result) throws IOException {
        Path file = Files.createTempFile("rnn4j-sweep-", ".rnn4j");
        try {
            result.model().save(file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static StructType schema(List<String> axes) {
        List<StructField> fields = new ArrayList<>();
        fields.add(field("run", DataTypes.IntegerType));
        axes.forEach(axis -> fields.add(field(column(axis), DataTypes.StringType)));
        fields.add(field("seed", DataTypes.LongType));
        fields.add(field("status", DataTypes.StringType));
        fields.add(field("reason", DataTypes.StringType));
        fields.add(field("epochs", DataTypes.IntegerType));
        fields.add(field("train_loss", DataTypes.DoubleType));
        fields.add(field("test_loss", DataTypes.DoubleType));
        fields.add(field("metric", DataTypes.StringType));
        fields.add(field("metric_value", DataTypes.DoubleType));
        fields.add(field("seconds", DataTypes.DoubleType));
        fields.add(field(MODEL, DataTypes.BinaryType));
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
