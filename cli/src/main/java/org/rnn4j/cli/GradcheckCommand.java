package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnn4j.api.network.Network;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.tck.ContractChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnn4j gradcheck}: the contract checks on the configured network, with random weights
 * and data drawn from the run's seed. Exit status 0 only when every check is within tolerance.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Checks the configured network's derivatives against central finite differences, "
                + "with random weights (uniform in ±0.5) and random data from the run's seed.",
                "Exit status 0 when every check is within " + ContractChecks.TOLERANCE + ", 1 otherwise."})
final class GradcheckCommand implements Callable<Integer> {

    @Mixin
    private RunOptions run;

    @ParentCommand
    private Rnn4jCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Rnn4j rnn4j = run.rnn4j(root);
        Network network = rnn4j.network();
        PrintWriter out = spec.commandLine().getOut();
        out.println(NetworkDescription.summary(rnn4j.topology(), network));
        List<ContractChecks.Result> results = ContractChecks.all(network, new SplittableRandom(rnn4j.seed()));
        boolean passed = true;
        for (ContractChecks.Result result : results) {
            out.println(result);
            passed &= result.passed();
        }
        out.println(passed ? "all checks passed" : "some checks FAILED");
        return passed ? 0 : 1;
    }
}
