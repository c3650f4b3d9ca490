package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rnn4j.core.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j list}: every plugin found, with the jar or folder it came from. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every topology, trainer, optimizer, activation, loss and data set found, with where each came from.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String kind = null;
        for (PluginInfo plugin : root.rnn4j().build().plugins()) {
            if (!plugin.kind().equals(kind)) {
                kind = plugin.kind();
                out.println(kind + ":");
            }
            out.printf("  %-22s %-72s %s%n", plugin.name(), plugin.description(), plugin.source());
        }
        return 0;
    }
}
