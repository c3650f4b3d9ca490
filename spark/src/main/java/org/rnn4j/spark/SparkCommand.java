package org.rnn4j.spark;

import org.rnn4j.cli.Rnn4jCommand;

/**
 * {@code java -jar rnn4j-spark.jar …} (local mode) or {@code spark-submit … rnn4j-spark.jar …}:
 * the {@code rnn4j} command line with data-parallel {@code train} and {@code sweep}.
 */
public final class SparkCommand {

    private SparkCommand() {
    }

    public static void main(String[] args) {
        Rnn4jCommand.main(args, new SparkExtension());
    }
}
