package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Topology;
import org.rnn4j.api.network.Network;

/**
 * The contract tests for a {@link Topology}: every {@link NetworkContractTest} on the networks it
 * builds (from its defaults in {@code reference.conf} under the given overrides), and what the
 * framework expects of a plugin: a lower-case hyphenated name and its defaults under
 * {@code rnn4j.topologies.<name>}.
 *
 * <pre>{@code
 * final class TestMyTopologyContract extends TopologyContractTest {
 *     protected Topology topology() { return new MyTopology(); }
 *     protected String settings() { return "hidden = [4, 3]"; }
 * }
 * }</pre>
 */
public abstract class TopologyContractTest extends NetworkContractTest {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The topology under test. */
    protected abstract Topology topology();

    /** HOCON overriding the topology's defaults, relative to its block; small networks check fastest. */
    protected String settings() {
        return "";
    }

    /** Input width of the networks built. */
    protected int inputSize() {
        return 3;
    }

    /** Output width of the networks built. */
    protected int outputSize() {
        return 2;
    }

    @Override
    protected final Network newNetwork(long seed) {
        return TestTopologyContext.build(topology(), settings(), inputSize(), outputSize(), seed);
    }

    /** Single precision ({@code rnn4j.precision = single}) is double's passes to {@link ContractChecks#SINGLE_TOLERANCE}. */
    @Test
    void singlePrecisionAgreesWithDouble() {
        Network singles = TestTopologyContext.buildSingle(topology(), settings(), inputSize(), outputSize(), 11);
        ContractChecks.Result result = ContractChecks.singlePrecision(newNetwork(11), singles, new SplittableRandom(21));
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void nameIsLowerCaseAndHyphenated() {
        assertTrue(NAME.matcher(topology().name()).matches(), "name '" + topology().name() + "'");
    }

    @Test
    void defaultsLiveInReferenceConf() {
        String path = "rnn4j.topologies." + topology().name();
        assertTrue(Defaults.has(path), "no defaults at " + path + " in any reference.conf");
    }
}
