package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Network;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j describe}: the configured network's layers, connections and parameters. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describes the configured network: groups, connections with their delays, parameter counts.")
final class DescribeCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @Option(names = "--dot", paramLabel = "FILE",
            description = "Also write a Graphviz drawing (render it with: dot -Tpng FILE -o net.png).")
    private Path dotFile;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Rnn4j rnn4j = run.rnn4j(root);
        Network network = rnn4j.network();
        String topology = rnn4j.topology();
        spec.commandLine().getOut().print(NetworkDescription.text(topology, network));
        if (dotFile != null) {
            String dot = NetworkDescription.dot(topology, network);
            if (dot == null) {
                throw new InvalidInputException("--dot: topology '" + topology + "' is not built from a layer graph; it has no drawing");
            }
            write(dotFile, dot);
            spec.commandLine().getOut().println("drawing written to " + dotFile);
        }
        return 0;
    }

    private static void write(Path file, String text) {
        OutputFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
