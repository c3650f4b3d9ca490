/**
 * rnn4j on Apache Spark: {@link org.rnn4j.spark.DataParallelTraining} (each epoch's gradient
 * summed over partitions of the sequences) and {@link org.rnn4j.spark.Sweep} (one Spark task per
 * configuration of a sweep), with {@link org.rnn4j.spark.SparkCommand}, the command line that adds
 * both to {@code rnn4j}'s.
 */
package org.rnn4j.spark;
