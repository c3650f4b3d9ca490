package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j predict}: a model's outputs, step by step, for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Runs a model over the rows of a CSV file (a header row, then one input vector per row) and",
                "writes one row of predictions per input row, as CSV, carrying the state from row to row."})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j file.")
    private Path model;

    @Parameters(index = "1", paramLabel = "INPUT.csv", description = "Inputs, one step per row, with a header row.")
    private Path input;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "The input columns, in the model's order (default: the model's inputs by name, or every column"
                    + " of a file whose columns are the inputs).")
    private List<String> columns;

    @Option(names = "--time-column", paramLabel = "NAME",
            description = "A column (a date, say) copied as text to the first column of the output, instead of the step number.")
    private String timeColumn;

    @Option(names = "--reset-every", paramLabel = "N", description = "Start from the initial state again every N rows.")
    private int resetEvery;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (resetEvery < 0) {
            throw new InvalidInputException("--reset-every: expected a positive number of rows, got " + resetEvery);
        }
        Model trained = root.rnn4j().model(model).build().load(model);
        ModelInputs read = ModelInputs.read(trained, input, columns, timeColumn);
        double[][] inputs = read.inputs();
        PrintWriter out = spec.commandLine().getOut();
        out.println((timeColumn == null ? "step" : timeColumn) + "," + String.join(",", trained.targetNames()));
        Predictor predictor = trained.predictor();
        for (int row = 0; row < inputs.length; row++) {
            if (resetEvery > 0 && row % resetEvery == 0) {
                predictor.reset();
            }
            double[] prediction;
            try {
                prediction = predictor.predict(inputs[row]);
            } catch (InvalidInputException e) { // a value the model's transform cannot take
                throw new InvalidInputException(input + ", row " + (row + 1) + ": " + e.getMessage(), e);
            }
            out.println(Figures.csvRow(timeColumn == null ? String.valueOf(row + 1) : read.times().get(row), prediction));
        }
        return 0;
    }
}
