package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.Model;
import org.rnn4j.core.OutputFiles;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.RunFolder;
import org.rnn4j.core.TrainingOptions;
import org.rnn4j.core.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnn4j train}: trains as a run file says (or the embedded default run), writing a run
 * folder — model, checkpoints, metrics, loss chart — and reports; {@code --resume} continues a
 * run from its last checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a network. Without a run file: elman + bptt on temporal-xor.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    private Rnn4jCommand parent;

    @Mixin
    private RunOptions run;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its last checkpoint, with the configuration it was started with.")
    private Path resume;

    @Option(names = "--no-progress", description = "Show no progress while training.")
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
        if (resume != null) {
            if (run.runFile != null || !run.overrides.isEmpty()) {
                throw new InvalidInputException("--resume continues a run with the configuration it was started with;"
                        + " give no run file or -D overrides with it");
            }
            try (RunFolder folder = RunFolder.open(resume)) {
                return train(parent.rnn4j().model(folder.checkpoint()).build(), folder);
            }
        }
        Rnn4j rnn4j = run.rnn4j(parent);
        try (RunFolder folder = RunFolder.create(rnn4j.outputDirectory(), rnn4j.topology())) {
            return train(rnn4j, folder);
        }
    }

    /** Trains in {@code folder}, which this run holds. */
    private int train(Rnn4j rnn4j, RunFolder folder) {
        PrintWriter err = spec.commandLine().getErr();
        TrainingListener progress = noProgress ? TrainingListener.NONE : new ProgressListener(System.console() != null, err);
        TrainingListener interrupt = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return parent.stopRequested();
            }
        };
        TrainingOptions options = TrainingOptions.defaults().checkpointTo(folder.checkpoint())
                .sessions(parent.sessions(rnn4j)).listeners(progress, interrupt);
        TrainingRun result;
        Rnn4jCommand.TRAINING.set(true);
        try {
            folder.writeConfig(rnn4j.config());
            result = rnn4j.train(resume == null ? options : options.resumeFrom(folder.checkpoint()));
        } catch (RuntimeException | OutOfMemoryError e) {
            if (resume == null) {
                folder.deleteIfUnused();
            }
            throw e;
        } finally {
            Rnn4jCommand.TRAINING.set(false);
        }
        folder.write(result, rnn4j.config());
        LossChart.write(folder.path().resolve("loss.png"), rnn4j.topology() + " on " + result.model().data(),
                result.history(), result.outcome() instanceof Outcome.EarlyStopped early ? early.keptEpoch() : 0);
        if (result.outcome() instanceof Outcome.Diverged diverged) {
            throw new InvalidInputException(diverged.describe() + diverged.checkpointEpoch().stream()
                    .mapToObj(epoch -> "; the checkpoint of epoch " + epoch + " is kept in " + folder.checkpoint())
                    .findFirst().orElse(""));
        }
        if (result.outcome() instanceof Outcome.Stopped && parent.stopRequested()) {
            err.println("rnn4j: interrupted; resume with: ./rnn4j train --resume " + folder.path());
            return 130;
        }
        result.model().save(folder.model());
        if (result.model().forecastsSeries()) {
            ForecastChart.write(folder.path().resolve("forecast.png"), rnn4j.topology() + " on " + result.model().data(),
                    result.model(), rnn4j.heldOutData());
        }
        List<Map<String, Double>> leads = result.model().horizon() > 0
                ? result.model().evaluateHorizon(result.model().horizon()) : List.of();
        if (!leads.isEmpty()) {
            OutputFiles.write(folder.path().resolve("leads.csv"), Figures.leadsCsv(leads).getBytes(StandardCharsets.UTF_8));
        }
        report(result, leads, folder, spec.commandLine().getOut());
        return 0;
    }

    private static void report(TrainingRun result, List<Map<String, Double>> leads, RunFolder folder, PrintWriter out) {
        Model model = result.model();
        Evaluation evaluation = result.evaluation();
        out.printf("trained %s (%d parameters) on %s with %s + %s: %d epochs in %.1f s%n",
                model.topology(), model.parameterCount(), model.data(), model.trainer(), model.optimizer(),
                result.history().size(), result.elapsed().toMillis() / 1000.0);
        if (!(result.outcome() instanceof Outcome.Completed)) {
            out.println(result.outcome().describe());
        }
        out.printf("on %d %s (%d target steps):%n", evaluation.sequences(), evaluation.dataName(), evaluation.targetSteps());
        out.printf("  loss per step (%s) %.5f%n", model.loss(), evaluation.lossPerStep());
        Figures.print(out, evaluation.metrics());
        Figures.printLeads(out, leads);
        out.println("model: " + folder.model());
    }
}
