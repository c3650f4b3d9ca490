package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.StepCache;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.data.CsvTable;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.model.TrainedModel;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
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
            description = "The input columns, in the model's order (default: every column).")
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
        PluginRegistry plugins = Rnn4j.plugins(root.withPluginPath(com.typesafe.config.ConfigFactory.empty()), PredictCommand.class.getClassLoader());
        TrainedModel trained = TrainedModel.load(model, plugins);
        Network network = trained.network();
        CsvTable table = CsvTable.read(input, List.of());
        int[] indices;
        if (columns == null) {
            indices = new int[table.columns().size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = i;
            }
        } else {
            indices = columns.stream().mapToInt(name -> table.column(name, "--columns")).toArray();
        }
        if (indices.length != network.inputSize()) {
            throw new InvalidInputException(input + ": " + indices.length + " input columns, but the model takes "
                    + network.inputSize() + " inputs per step" + (columns == null ? " (choose them with --columns)" : ""));
        }
        Loss loss = plugins.get(PluginKind.LOSS, trained.settings().loss());
        Normalization normalization = trained.saved().normalization();
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder header = new StringBuilder("step");
        for (int k = 1; k <= network.outputSize(); k++) {
            header.append(",output_").append(k);
        }
        out.println(header);
        StepCache cache = network.newStepCache(1);
        DMatrixRMaj state = new DMatrixRMaj(1, network.stateSize());
        network.initialState(state);
        DMatrixRMaj x = new DMatrixRMaj(1, network.inputSize());
        DMatrixRMaj prediction = new DMatrixRMaj(1, network.outputSize());
        for (int row = 0; row < table.rows().size(); row++) {
            if (resetEvery > 0 && row % resetEvery == 0) {
                network.initialState(state);
            }
            double[] values = table.rows().get(row);
            for (int i = 0; i < indices.length; i++) {
                x.data[i] = values[indices[i]];
            }
            if (normalization != null) {
                normalization.normalizeInput(x.data);
            }
            network.forward(state, x, cache);
            state.setTo(cache.state());
            loss.predict(cache.output(), 0, prediction);
            if (normalization != null) {
                normalization.denormalizeOutput(prediction.data, 0);
            }
            StringBuilder line = new StringBuilder().append(row + 1);
            for (int k = 0; k < network.outputSize(); k++) {
                line.append(',').append(String.format(Locale.ROOT, "%.6g", prediction.data[k]));
            }
            out.println(line);
        }
        return 0;
    }
}
