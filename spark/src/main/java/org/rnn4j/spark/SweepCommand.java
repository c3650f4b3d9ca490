package org.rnn4j.spark;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.cli.Rnn4jCommand;
import org.rnn4j.core.RunConfig;
import org.rnn4j.core.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sweep SWEEP.conf}: trains every run of a sweep file as a Spark task, writes the results
 * table and the best model to a new folder under {@code rnn4j.output.dir}, and prints the table.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Trains every configuration of a sweep file, one Spark task each, and tabulates the results.")
final class SweepCommand implements Callable<Integer> {

    private final SparkExtension extension;

    @ParentCommand
    private Rnn4jCommand parent;

    @Parameters(index = "0", paramLabel = "SWEEP.conf", description = "A run file with a sweep block (axes, seeds, sampling).")
    private Path file;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "",
            description = "Overrides a key of the sweep file, e.g. -Dsweep.seeds=3 -Drnn4j.trainer.epochs=20.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

    SweepCommand(SparkExtension extension) {
        this.extension = extension;
    }

    @Override
    public Integer call() throws Exception {
        Config sweepFile = RunConfig.withPluginFolders(RunConfig.read(file, overrides), parent.pluginFolders());
        Config reference = RunConfig.defaults(Thread.currentThread().getContextClassLoader());
        SweepPlan plan = SweepPlan.from(sweepFile, reference);
        Config base = RunConfig.effective(sweepFile.withoutPath("sweep"), Thread.currentThread().getContextClassLoader());
        SparkSession spark = extension.spark(base);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("sweep %s: %d runs on %s%n", file, plan.runs().size(), spark.sparkContext().master());
        out.flush();

        try (RunFolder folder = RunFolder.create(Path.of(base.getString("rnn4j.output.dir")), "sweep")) {
            folder.write("sweep.conf", sweepFile.root().render(com.typesafe.config.ConfigRenderOptions.defaults()
                    .setOriginComments(false).setJson(false)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Dataset<Row> results = Sweep.run(spark, plan);
            List<Row> rows;
            try {
                rows = Sweep.write(results, folder.path());
            } catch (RuntimeException e) {
                throw SparkFailures.unwrap(e);
            } finally {
                results.unpersist();
            }
            print(plan, rows, out);
            long failed = rows.stream().filter(row -> !"ok".equals(row.getAs("status"))).count();
            out.printf("%d runs, %d failed; results: %s, %s%n", rows.size(), failed, folder.path().resolve("results.csv"),
                    folder.path().resolve("results.parquet"));
            if (failed < rows.size()) {
                out.println("best model: " + folder.path().resolve(Sweep.BEST_MODEL));
            }
            if (failed == rows.size()) {
                throw new InvalidInputException("every run of " + file + " failed; the first: "
                        + rows.get(0).getAs("reason"));
            }
            return 0;
        }
    }

    /** The results as an aligned table, best first. */
    private static void print(SweepPlan plan, List<Row> rows, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("run"));
        plan.axes().forEach(axis -> header.add(Sweep.column(axis)));
        header.addAll(List.of("seed", "status", "test_loss", "metric", "epochs", "seconds", "reason"));
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (Row row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : header) {
                Object value = row.getAs(column.equals("metric") ? "metric_value" : column);
                String text = value instanceof Double number
                        ? String.format(Locale.ROOT, column.equals("seconds") ? "%.1f" : "%.5f", number)
                        : value == null ? "" : value.toString();
                if (column.equals("metric") && value != null) {
                    text = row.getAs("metric") + " " + text;
                }
                line.add(text);
            }
            cells.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : "  ").append(i == line.size() - 1 ? line.get(i)
                        : String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
    }
}
