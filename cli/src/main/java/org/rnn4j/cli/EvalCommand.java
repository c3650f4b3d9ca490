package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
                    + " period of a series, and prints the errors per lead time beside persistence and seasonal naive.")
    private int horizon;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Rnn4j rnn4j = root.rnn4j().model(model).runFile(runFile).overrides(overrides).build();
        Model trained = rnn4j.load(model);
        boolean otherData = runFile != null || !overrides.isEmpty();
        if (horizon < 0 || horizon != 0 && otherData) {
            throw new InvalidInputException(horizon < 0 ? "--horizon: expected a positive number of steps, got " + horizon
                    : "--horizon scores the held-out period of the series the model was trained on; drop the run file and -D");
        }
        // Forecasts by lead time first: a model that cannot make them is refused before anything is printed.
        List<Map<String, Double>> leads = horizon > 0 ? trained.evaluateHorizon(horizon) : List.of();
        DataSet data = otherData ? rnn4j.heldOutData() : null;
        Evaluation evaluation = otherData ? trained.evaluate(data) : trained.evaluate();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s on %d %s of %s (%d target steps):%n", model, evaluation.sequences(), evaluation.dataName(),
                otherData ? data.name() : trained.data(), evaluation.targetSteps());
        out.printf("  loss per step (%s) %.5f%n", trained.loss(), evaluation.lossPerStep());
        Figures.print(out, evaluation.metrics());
        if (!leads.isEmpty()) {
            out.printf("forecasts 1..%d steps ahead from the model's own predictions, from every held-out step:%n", horizon);
            List<String> names = new java.util.ArrayList<>(leads.get(0).keySet());
            StringBuilder header = new StringBuilder("  lead");
            names.forEach(name -> header.append(' ').append(name));
            out.println(header);
            for (int h = 0; h < leads.size(); h++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %4d", h + 1));
                for (String name : names) {
                    Double value = leads.get(h).get(name);
                    String cell = value == null ? "-" : name.equals("forecasts") ? String.format(Locale.ROOT, "%.0f", value)
                            : String.format(Locale.ROOT, "%.4f", value);
                    line.append(' ').append(" ".repeat(Math.max(0, name.length() - cell.length()))).append(cell);
                }
                out.println(line);
            }
        }
        return 0;
    }
}
