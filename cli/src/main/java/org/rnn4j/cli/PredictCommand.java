package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.Model;
import org.rnn4j.core.Predictor;
import org.rnn4j.core.Table;
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
        // The model's inputs by name (other columns — dates, ids — are not read); --columns chooses others.
        List<String> wanted = columns != null ? columns : trained.inputNames();
        Table header = Table.readCsv(input, List.of());
        boolean byName = columns != null || header.columns().containsAll(wanted);
        if (!byName && header.columns().size() != trained.inputSize()) {
            throw new InvalidInputException(input + ": " + header.columns().size() + " input columns, but the model takes "
                    + trained.inputSize() + " inputs per step (choose them with --columns)");
        }
        Table table = byName ? Table.readCsv(input, wanted) : Table.readCsv(input);
        int[] indices;
        if (byName) {
            indices = wanted.stream().mapToInt(name -> table.column(name, columns != null ? "--columns" : "the model's inputs"))
                    .toArray();
        } else {
            indices = IntStream.range(0, table.columns().size()).toArray();
            if (indices.length == trained.inputSize() && !trained.inputNames().equals(
                    org.rnn4j.api.data.DataSet.numbered("input", trained.inputSize()))) {
                throw new InvalidInputException(input + ": has no column " + String.join(", ", trained.inputNames())
                        + " (the model's inputs); name its columns so, or choose them with --columns");
            }
        }
        if (indices.length != trained.inputSize()) {
            throw new InvalidInputException(input + ": " + indices.length + " input columns, but the model takes "
                    + trained.inputSize() + " inputs per step" + (columns == null ? " (choose them with --columns)" : ""));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("step," + String.join(",", trained.targetNames()));
        Predictor predictor = trained.predictor();
        double[] x = new double[trained.inputSize()];
        for (int row = 0; row < table.rows().size(); row++) {
            if (resetEvery > 0 && row % resetEvery == 0) {
                predictor.reset();
            }
            double[] values = table.rows().get(row);
            for (int i = 0; i < indices.length; i++) {
                x[i] = values[indices[i]];
            }
            double[] prediction = predictor.predict(x);
            StringBuilder line = new StringBuilder().append(row + 1);
            for (double value : prediction) {
                line.append(',').append(String.format(Locale.ROOT, "%.6g", value));
            }
            out.println(line);
        }
        return 0;
    }
}
