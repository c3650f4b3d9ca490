package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j forecast}: a series continued past the last row of a CSV file, from a model's own predictions. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Continues a series past the last row of a CSV file: the model's state is warmed on the rows given,"
                + " then each prediction is fed back as the next step's input. Writes the next H steps as CSV, numbered on"
                + " from the file's rows, with the model's target names. For models of a series (csv with forecast = true,"
                + " airline-passengers, sine).")
final class ForecastCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j file.")
    private Path model;

    @Parameters(index = "1", paramLabel = "INPUT.csv", description = "The series up to now, one step per row, with a header row.")
    private Path input;

    @Option(names = "--horizon", required = true, paramLabel = "H", description = "How many steps to forecast.")
    private int horizon;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "The input columns, in the model's order (default: the model's inputs by name).")
    private List<String> columns;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (horizon < 1 || horizon > Model.MAX_HORIZON) {
            throw new InvalidInputException("--horizon: expected a number of steps in [1, " + Model.MAX_HORIZON
                    + "], got " + horizon);
        }
        Model trained = root.rnn4j().model(model).build().load(model);
        trained.requireSeries();
        double[][] history = ModelInputs.read(trained, input, columns, null).inputs();
        if (history.length == 0) {
            throw new InvalidInputException(input + ": no data rows; a forecast warms the model on the series up to now");
        }
        double[][] forecasts;
        try {
            forecasts = trained.forecast(history, horizon);
        } catch (InvalidInputException e) { // too short a history, or a value the model's transform cannot take
            throw new InvalidInputException(input + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("step," + String.join(",", trained.targetNames()));
        for (int h = 0; h < forecasts.length; h++) {
            out.println(Figures.csvRow(String.valueOf(history.length + h + 1), forecasts[h]));
        }
        return 0;
    }
}
