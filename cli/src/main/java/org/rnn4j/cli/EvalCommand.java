package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.training.Evaluation;
import org.rnn4j.core.Model;
import org.rnn4j.core.Rnn4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j eval}: a model's loss and task metrics on a data set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a model: loss per step and the task's metrics.",
                "By default on the held-out sequences of the data it was trained on; a run file or -Drnn4j.data.… "
                        + "choose other data."})
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j file.")
    private Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RUN.conf",
            description = "A run file whose rnn4j.data block chooses the data (default: the model's).")
    private Path runFile;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "",
            description = "Overrides a key of the model's configuration, e.g. -Drnn4j.data.sequences=1000.")
    private Map<String, String> overrides = new java.util.LinkedHashMap<>();

    @Option(names = "--horizon", paramLabel = "H",
            description = "Also forecasts 1..H steps ahead from the model's own predictions, from every step of the held-out"
                    + " period of a series, and prints the errors per lead time beside persistence and seasonal naive"
                    + " (default: the run's rnn4j.data.horizon).")
    private int horizon;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Rnn4j rnn4j = root.rnn4j().model(model).runFile(runFile).overrides(overrides).build();
        Model trained = rnn4j.load(model);
        if (horizon > 0) {
            trained.requireSeries();
        }
        boolean otherData = runFile != null || !overrides.isEmpty();
        if (horizon < 0 || horizon > Model.MAX_HORIZON || horizon != 0 && otherData) {
            throw new InvalidInputException(horizon < 0 || horizon > Model.MAX_HORIZON
                    ? "--horizon: expected a number of steps in [1, " + Model.MAX_HORIZON + "], got " + horizon
                    : "--horizon scores the held-out period of the series the model was trained on; drop the run file and -D");
        }
        // Forecasts by lead time first: a model that cannot make them is refused before anything is printed.
        int leadTimes = horizon > 0 ? horizon : otherData ? 0 : trained.horizon(); // the run's own horizon by default
        List<Map<String, Double>> leads = leadTimes > 0 ? trained.evaluateHorizon(leadTimes) : List.of();
        DataSet data = otherData ? rnn4j.heldOutData() : null;
        Evaluation evaluation = otherData ? trained.evaluate(data) : trained.evaluate();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s on %d %s of %s (%d target steps):%n", model, evaluation.sequences(), evaluation.dataName(),
                otherData ? data.name() : trained.data(), evaluation.targetSteps());
        out.printf("  loss per step (%s) %.5f%n", trained.loss(), evaluation.lossPerStep());
        Figures.print(out, evaluation.metrics());
        Figures.printLeads(out, leads);
        return 0;
    }
}
