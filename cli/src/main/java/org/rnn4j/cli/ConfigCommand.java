package org.rnn4j.cli;

import java.util.concurrent.Callable;
import org.rnn4j.core.Rnn4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j config}: the effective configuration, defaults included, as HOCON. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Prints the effective configuration (defaults + run file + overrides) in HOCON.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Rnn4j rnn4j = run.rnn4j(root);
        spec.commandLine().getOut().print(rnn4j.renderConfig());
        return 0;
    }
}
