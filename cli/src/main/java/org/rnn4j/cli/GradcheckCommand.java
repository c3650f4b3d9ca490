package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                "With rnn4j.precision = single, the same checks on the network in double, and the single one's passes "
                        + "against the double one's (within " + ContractChecks.SINGLE_TOLERANCE + ").",
                "Exit status 0 when every check is within its tolerance (" + ContractChecks.TOLERANCE
                        + " for finite differences), 1 otherwise."})
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
        List<ContractChecks.Result> results = new ArrayList<>();
        if (rnn4j.config().getString("rnn4j.precision").equals("single")) {
            // Finite differences cannot resolve float's rounding: the double network's derivatives are
            // checked against them, and the single network's against the double's.
            Rnn4j doubles = run.rnn4j(root, Map.of("rnn4j.precision", "double"));
            results.addAll(ContractChecks.all(doubles.network(), new SplittableRandom(rnn4j.seed())));
            results.add(ContractChecks.singlePrecision(doubles.network(), network, new SplittableRandom(rnn4j.seed())));
        } else {
            results.addAll(ContractChecks.all(network, new SplittableRandom(rnn4j.seed())));
        }
        boolean passed = true;
        for (ContractChecks.Result result : results) {
            out.println(result);
            passed &= result.passed();
        }
        out.println(passed ? "all checks passed" : "some checks FAILED");
        return passed ? 0 : 1;
    }
}
