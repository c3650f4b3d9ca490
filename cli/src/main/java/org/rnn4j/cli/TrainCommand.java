package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.engine.Evaluation;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j train}: trains as a run file says (or the embedded default run) and reports. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a network. Without a run file: elman + bptt on temporal-xor.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @Option(names = {"-v", "--verbose"}, description = "Log what the engine does (to standard error).")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        Rnn4j rnn4j = run.rnn4j();
        RunSettings settings = rnn4j.settings();
        RunDirectory folder = RunDirectory.create(settings.outputDirectory(), settings.topology().name());
        TrainingListener progress = noProgress ? TrainingListener.NONE : new ProgressListener();
        TrainingResult result = rnn4j.train(progress);
        folder.write(result, rnn4j.config());
        report(result, folder, spec.commandLine().getOut());
        return 0;
    }

    private static void report(TrainingResult result, RunDirectory folder, PrintWriter out) {
        RunSettings settings = result.settings();
        Evaluation evaluation = result.evaluation();
        out.printf("trained %s (%d parameters) on %s with %s + %s: %d epochs in %.1f s%n",
                settings.topology().name(), result.network().parameters().size(), settings.data().name(),
                settings.trainer().name(), settings.optimizer().name(), result.history().size(),
                result.elapsed().toMillis() / 1000.0);
        if (!result.ending().equals("completed")) {
            out.println(result.ending());
        }
        out.printf("on %d %s (%d target steps):%n", evaluation.sequences(), evaluation.dataName(), evaluation.targetSteps());
        out.printf("  loss per step (%s) %.5f%n", settings.loss(), evaluation.lossPerStep());
        for (Map.Entry<String, Double> metric : evaluation.metrics().entrySet()) {
            out.printf("  %-14s %.5f%n", metric.getKey(), metric.getValue());
        }
        out.println("results in " + folder.path());
    }
}
