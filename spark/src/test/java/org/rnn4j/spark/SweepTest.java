package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.core.RunConfig;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;

/** Sweeps in local[2] mode: every run a row, failures recorded, retried tasks counted once. */
class SweepTest {

    private static final Config REFERENCE = RunConfig.defaults(SweepTest.class.getClassLoader());

    private static SweepPlan plan(String sweep) {
        return SweepPlan.from(ConfigFactory.parseString("""
                rnn4j {
                  data { type = temporal-xor, sequences = 30, length = 9 }
                  trainer { epochs = 3, checkpoint-every = 0 }
                }
                """ + sweep), REFERENCE);
    }

    @Test
    void everyRunIsARowAndAFailingCombinationIsRecordedAsFailed(@TempDir Path folder) throws Exception {
        // Teacher forcing needs the outputs in the state: Elman has not, so (elman, rtrl) fails.
        SweepPlan plan = plan("""
                sweep {
                  axes {
                    rnn4j.topology.type = [jordan, fully-recurrent, elman]
                    rnn4j.trainer = [{type = bptt}, {type = rtrl, update = sequence, teacher-forcing = true}]
                  }
                  seeds = 2
                }
                """);
        assertEquals(12, plan.runs().size());
        List<Row> rows = runAndWrite(plan, folder);
        assertEquals(12, rows.size());
        List<Row> failed = rows.stream().filter(row -> row.getAs("status").equals("failed")).toList();
        assertEquals(2, failed.size(), "the failing combination, once per seed");
        for (Row row : failed) {
            assertEquals("elman", row.getAs("topology_type"));
            assertTrue(((String) row.getAs("trainer")).contains("teacher-forcing"), (String) row.getAs("trainer"));
            String reason = row.getAs("reason");
            assertTrue(reason.contains("rnn4j.trainer.teacher-forcing: needs a network whose outputs are part of its state"),
                    reason);
            assertNull(row.getAs("test_loss"));
        }
        // Completed runs first, best (lowest held-out loss) first, each with the base's 3 epochs.
        assertEquals("ok", rows.get(0).getAs("status"));
        double best = rows.get(0).getAs("test_loss");
        for (Row row : rows.subList(0, 10)) {
            assertEquals(3, (int) row.getAs("epochs"));
            assertTrue((double) row.getAs("test_loss") >= best);
        }

        List<String> csv = readPartFiles(folder.resolve("results.csv"), ".csv");
        assertEquals(13, csv.size(), "a header and one line per run");
        assertTrue(csv.get(0).startsWith("run,topology_type,trainer,seed,status,reason,epochs,train_loss,test_loss"),
                csv.get(0));
        Dataset<Row> parquet = LocalSpark.session().read().parquet(folder.resolve("results.parquet").toString());
        assertEquals(12, parquet.count());

        SavedModel model = ModelFile.read(folder.resolve(Sweep.BEST_MODEL));
        Object bestTopology = rows.get(0).getAs("topology_type");
        assertEquals(bestTopology, model.config().getString("rnn4j.topology.type"));
    }

    @Test
    void aTaskRetriedAfterLosingItsExecutorGivesOneRow(@TempDir Path folder) throws Exception {
        SweepPlan plan = plan("""
                sweep {
                  axes.rnn4j.topology.type = [elman, flaky-for-test]
                  seeds = 2
                }
                """);
        List<Row> rows = runAndWrite(plan, folder);
        assertEquals(4, rows.size());
        Set<Integer> ids = rows.stream().map(row -> (Integer) row.getAs("run")).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4), ids);
        assertTrue(rows.stream().allMatch(row -> row.getAs("status").equals("ok")), rows.toString());
        assertEquals(5, readPartFiles(folder.resolve("results.csv"), ".csv").size());
    }

    /** Runs the sweep and writes its results to {@code folder}; the rows written, best first. */
    private static List<Row> runAndWrite(SweepPlan plan, Path folder) {
        Dataset<Row> results = Sweep.run(LocalSpark.session(), plan);
        try {
            return Sweep.write(results, folder);
        } finally {
            results.unpersist();
        }
    }

    private static List<String> readPartFiles(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> parts = files.filter(file -> file.getFileName().toString().startsWith("part-")
                    && file.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, parts.size(), parts.toString());
            return Files.readAllLines(parts.get(0));
        }
    }
}
