package org.rnn4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
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

/**
 * {@code rnn4j stream}: predictions for inputs arriving on standard input, one line each, written
 * at once; with {@code --learn}, the model also learns from each arriving target (RTRL, one update
 * per step), so it is learned while the data is collected.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Reads one step per line from standard input — the model's inputs, comma-separated, optionally",
                "followed by the step's targets — and writes the model's prediction for that step at once.",
                "With --learn each target given trains the model on the spot (RTRL, an update per step);",
                "with --forecast each line's input is also the previous step's target (next-value prediction)."})
final class StreamCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j file.")
    private Path model;

    @Option(names = "--learn", description = "Learn from every target as it arrives (real-time recurrent learning).")
    private boolean learn;

    @Option(names = "--forecast", description = "Each input is the target of the step before (inputs and outputs alike).")
    private boolean forecast;

    @Option(names = "--save", paramLabel = "FILE", description = "With --learn: write the updated model to FILE at the end.")
    private Path save;

    @Option(names = "--max-line", paramLabel = "CHARS", defaultValue = "1048576",
            description = "Refuse a line longer than CHARS characters (default: ${DEFAULT-VALUE}).")
    private int maxLine;

    @Option(names = "--trainer", paramLabel = "NAME",
            description = "With --learn: the online trainer (default: the model's own if it learns online, else rtrl).")
    private String trainer;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (save != null && !learn) {
            throw new InvalidInputException("--save keeps what --learn learned; add --learn");
        }
        if (trainer != null && !learn) {
            throw new InvalidInputException("--trainer chooses how --learn learns; add --learn");
        }
        Model trained = root.rnn4j().model(model).build().load(model);
        int inputs = trained.inputSize();
        int outputs = trained.outputSize();
        if (forecast && inputs != outputs) {
            throw new InvalidInputException("--forecast needs as many inputs as outputs; the model has " + inputs + " and " + outputs);
        }
        String online = trainer != null ? trainer : trained.trainerLearnsOnline() ? trained.trainer() : "rtrl";
        Predictor predictor = learn ? trained.learner(online) : trained.predictor();
        if (maxLine < 1) {
            throw new InvalidInputException("--max-line: expected a positive number of characters, got " + maxLine);
        }
        PrintWriter out = spec.commandLine().getOut();
        Table.Lines in = Table.lines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), "stdin",
                maxLine);
        boolean pending = false;
        String line;
        try {
            while ((line = in.next()) != null) {
                int number = in.number();
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                double[] values = parse(line, number, inputs, forecast ? 0 : outputs);
                try {
                    if (forecast && pending) {
                        predictor.learn(Arrays.copyOf(values, outputs));
                    }
                    double[] prediction = predictor.predict(Arrays.copyOf(values, inputs));
                    out.println(Figures.csvRow(null, prediction));
                    if (out.checkError() || System.out.checkError()) {
                        break; // nobody reads the predictions any more (| head -1): stop reading
                    }
                    pending = true;
                    if (!forecast) {
                        predictor.learn(values.length > inputs ? Arrays.copyOfRange(values, inputs, inputs + outputs) : null);
                        pending = false;
                    }
                } catch (InvalidInputException e) { // a value the model's transform cannot take
                    throw new InvalidInputException("stdin:" + number + ": " + e.getMessage(), e);
                }
            }
        } finally {
            if (save != null) {
                predictor.model().save(save);
                spec.commandLine().getErr().println("rnn4j: updated model (" + predictor.updates() + " updates) written to " + save);
            }
        }
        return 0;
    }

    private static double[] parse(String line, int number, int inputs, int outputs) {
        String[] cells = line.strip().split("[,\\s]+");
        if (cells.length != inputs && cells.length != inputs + outputs) {
            throw new InvalidInputException("stdin:" + number + ": " + cells.length + " values; expected " + inputs
                    + (outputs > 0 ? " (inputs) or " + (inputs + outputs) + " (inputs, then targets)" : " (inputs)"));
        }
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = Table.number(cells[i], "stdin:" + number + ": value " + (i + 1));
        }
        return values;
    }
}
