package org.rnn4j.cli;

import com.typesafe.config.ConfigValueFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Loss;
import org.rnn4j.api.training.OnlineLearner;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.config.RunSettings;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.core.model.ModelFile;
import org.rnn4j.core.model.TrainedModel;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
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

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (save != null && !learn) {
            throw new InvalidInputException("--save keeps what --learn learned; add --learn");
        }
        PluginRegistry plugins = Rnn4j.plugins(root.withPluginPath(com.typesafe.config.ConfigFactory.empty()), StreamCommand.class.getClassLoader());
        TrainedModel trained = TrainedModel.load(model, plugins);
        int inputs = trained.network().inputSize();
        int outputs = trained.network().outputSize();
        if (forecast && inputs != outputs) {
            throw new InvalidInputException("--forecast needs as many inputs as outputs; the model has " + inputs + " and " + outputs);
        }
        Loss loss = plugins.get(PluginKind.LOSS, trained.settings().loss());
        Normalization normalization = trained.saved().normalization();
        OnlineLearner learner = learner(trained, plugins, loss, root.withPluginPath(com.typesafe.config.ConfigFactory.empty()));
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        double[] output = new double[outputs];
        DMatrixRMaj prediction = new DMatrixRMaj(1, outputs);
        long steps = 0;
        long learned = 0;
        boolean pending = false;
        String line;
        int number = 0;
        try {
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                double[] values = parse(line, number, inputs, forecast ? 0 : outputs);
                if (forecast && pending) {
                    double[] target = java.util.Arrays.copyOf(values, outputs);
                    if (normalization != null) {
                        normalizeTarget(normalization, target);
                    }
                    learner.learn(learn ? target : null);
                    learned += learn ? 1 : 0;
                }
                double[] x = java.util.Arrays.copyOf(values, inputs);
                if (normalization != null) {
                    normalization.normalizeInput(x);
                }
                learner.predict(x, output);
                steps++;
                System.arraycopy(output, 0, prediction.data, 0, outputs);
                loss.predict(prediction, 0, prediction);
                if (normalization != null) {
                    normalization.denormalizeOutput(prediction.data, 0);
                }
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < outputs; k++) {
                    text.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6g", prediction.data[k]));
                }
                out.println(text);
                out.flush();
                pending = true;
                if (!forecast) {
                    double[] target = values.length > inputs ? java.util.Arrays.copyOfRange(values, inputs, inputs + outputs) : null;
                    if (target != null && normalization != null) {
                        normalizeTarget(normalization, target);
                    }
                    learner.learn(learn ? target : null);
                    learned += learn && target != null ? 1 : 0;
                    pending = false;
                }
            }
        } finally {
            if (save != null) {
                ModelFile.write(save, trained.updated("stream --learn: " + learned + " online updates over " + steps + " steps"));
                spec.commandLine().getErr().println("rnn4j: updated model (" + learned + " updates) written to " + save);
            }
        }
        return 0;
    }

    private static OnlineLearner learner(TrainedModel trained, PluginRegistry plugins, Loss loss, com.typesafe.config.Config run) {
        // Online learning is RTRL's, with the optimizer settings RTRL's defaults give the model's optimizer.
        RunSettings online = RunSettings.from(trained.saved().config()
                .withValue("rnn4j.trainer.type", ConfigValueFactory.fromAnyRef("rtrl"))
                .withFallback(Rnn4j.create(run).config()));
        var updater = online.gradients().wrap(plugins.get(PluginKind.OPTIMIZER, online.optimizer().name())
                .create(online.optimizer().settings(), trained.network().parameters()));
        return plugins.get(PluginKind.TRAINER, "rtrl").online(online.trainer().settings(), trained.network(), loss, updater);
    }

    private static void normalizeTarget(Normalization normalization, double[] target) {
        for (int k = 0; k < target.length; k++) {
            target[k] = (target[k] - normalization.targetMean()[k]) / normalization.targetScale()[k];
        }
    }

    private static double[] parse(String line, int number, int inputs, int outputs) {
        String[] cells = line.strip().split("[,\\s]+");
        if (cells.length != inputs && cells.length != inputs + outputs) {
            throw new InvalidInputException("stdin:" + number + ": " + cells.length + " values; expected " + inputs
                    + (outputs > 0 ? " (inputs) or " + (inputs + outputs) + " (inputs, then targets)" : " (inputs)"));
        }
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                values[i] = Double.parseDouble(cells[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("stdin:" + number + ": value " + (i + 1) + " is '" + cells[i] + "', not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw new InvalidInputException("stdin:" + number + ": value " + (i + 1) + " is " + cells[i]
                        + "; values must be finite numbers");
            }
        }
        return values;
    }
}
