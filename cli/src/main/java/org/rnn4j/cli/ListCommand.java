package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rnn4j.api.Plugin;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;
import org.rnn4j.core.plugin.PluginSource;
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
        PluginRegistry plugins = Rnn4j.plugins(root.withPluginPath(com.typesafe.config.ConfigFactory.empty()), ListCommand.class.getClassLoader());
        PrintWriter out = spec.commandLine().getOut();
        for (PluginKind<?> kind : PluginKind.ALL) {
            out.println(kind.plural() + ":");
            for (Plugin plugin : plugins.all(kind).values()) {
                out.printf("  %-22s %-72s %s%n", plugin.name(), plugin.description(), PluginSource.of(plugin.getClass()));
            }
        }
        return 0;
    }
}
