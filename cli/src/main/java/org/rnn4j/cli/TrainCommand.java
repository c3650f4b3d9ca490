package org.rnn4j.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.engine.Checkpoint;
import org.rnn4j.core.engine.Evaluation;
import org.rnn4j.core.engine.TrainingResult;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.SavedModel;
import org.rnn4j.core.model.TrainedModel;
import org.rnn4j.core.run.RunDirectory;
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
        Rnn4j rnn4j;
        RunDirectory folder;
        Checkpoint from = null;
        if (resume != null) {
            if (run.runFile != null || !run.overrides.isEmpty()) {
                throw new InvalidInputException("--resume continues a run with the configuration it was started with;"
                        + " give no run file or -D overrides with it");
            }
            folder = RunDirectory.open(resume);
            SavedModel checkpoint = ModelFile.read(folder.checkpoint());
            if (checkpoint.checkpoint() == null) {
                throw new InvalidInputException(folder.checkpoint() + ": is a model, not a checkpoint");
            }
            rnn4j = Rnn4j.create(parent.withPluginPath(checkpoint.config()));
            from = checkpoint.checkpoint();
        } else {
            rnn4j = run.rnn4j(parent);
            folder = RunDirectory.create(rnn4j.settings().outputDirectory(), rnn4j.settings().topology().name());
        }
        Config effective = rnn4j.config();
        RunSettings settings = rnn4j.settings();
        folder.writeConfig(effective);
        PrintWriter err = spec.commandLine().getErr();
        Checkpoint.Sink sink = (checkpoint, network) -> ModelFile.write(folder.checkpoint(),
                TrainedModel.checkpoint(checkpoint, network, settings, effective, rnn4j.plugins(), null));
        TrainingListener progress = noProgress ? TrainingListener.NONE : new ProgressListener(System.console() != null, err);
        TrainingListener interrupt = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return parent.stopRequested();
            }
        };
        TrainingResult result;
        Rnn4jCommand.TRAINING.set(true);
        try {
            result = rnn4j.train(from, sink, parent.sessions(rnn4j), progress, interrupt);
        } catch (InvalidInputException e) {
            if (e.getMessage().contains("checkpoint of epoch")) {
                throw new InvalidInputException(e.getMessage() + " in " + folder.checkpoint(), e);
            }
            if (resume == null) {
                folder.deleteIfUnused();
            }
            throw e;
        } finally {
            Rnn4jCommand.TRAINING.set(false);
        }
        folder.write(result, effective);
        LossChart.write(folder.path().resolve("loss.png"), settings.topology().name() + " on " + settings.data().name(),
                result.history());
        if (parent.stopRequested()) {
            err.println("rnn4j: interrupted; resume with: ./rnn4j train --resume " + folder.path());
            return 130;
        }
        ModelFile.write(folder.model(), TrainedModel.of(result, effective, rnn4j.plugins()));
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
        out.println("model: " + folder.model());
    }
}
