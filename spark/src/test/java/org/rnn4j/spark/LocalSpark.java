package org.rnn4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The tests' one Spark: local mode, two cores, each task tried up to twice (so a test can lose an
 * executor's work once), no web UI. Started on first use and shared by every test class; Spark's
 * own shutdown hook stops it.
 */
final class LocalSpark {

    static final String MASTER = "local[2,2]";

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        return SparkSession.builder().master(MASTER).appName("rnn4j-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }
}
