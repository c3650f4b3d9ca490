package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.tck.PluginJarCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j check-plugin}: a plugin jar checked the way rnn4j will load it, one line per problem. */
@Command(name = "check-plugin", mixinStandardHelpOptions = true,
        description = {"Checks a plugin jar as rnn4j will load it: its manifest's api version, every services entry",
                "(a public class with a no-argument constructor implementing the interface, a valid unique name),",
                "and the defaults in its reference.conf. Exit status 0 when there is no problem, 2 otherwise."})
final class CheckPluginCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JAR", description = "The plugin jar.")
    private Path jar;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PluginJarCheck.Report report = PluginJarCheck.check(jar);
        if (!report.problems().isEmpty()) {
            throw new InvalidInputException(String.join(System.lineSeparator(),
                    report.problems().stream().map(problem -> jar + ": " + problem).toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder found = new StringBuilder();
        for (Map.Entry<String, List<String>> kind : report.plugins().entrySet()) {
            found.append(found.length() == 0 ? "" : "; ").append(kind.getKey()).append(' ')
                    .append(String.join(", ", kind.getValue()));
        }
        out.println(jar + ": no problems (" + found + ")");
        return 0;
    }
}
