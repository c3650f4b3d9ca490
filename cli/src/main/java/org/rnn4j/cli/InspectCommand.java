package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.core.Rnn4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j inspect}: what a model file holds, without building its network. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a model or checkpoint file: metadata, provenance, training, parameter blocks, SHA-256.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.rnn4j or checkpoint.rnn4j file.")
    private Path model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Rnn4j.inspect(model).forEach(out::println);
        return 0;
    }
}
