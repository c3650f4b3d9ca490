package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.core.Rnn4j;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The run file and {@code -Dkey=value} overrides that every command taking a run accepts. */
public final class RunOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN.conf",
            description = "HOCON run file; without one, the embedded default run (elman + bptt on temporal-xor).")
    public Path runFile;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "",
            description = "Overrides a configuration key, e.g. -Drnn4j.topology.hidden=[16] -Drnn4j.trainer.epochs=50.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** A checked rnn4j for this run, with the command line's plugin folders. */
    public Rnn4j rnn4j(Rnn4jCommand root) {
        return rnn4j(root, Map.of());
    }

    /** As {@link #rnn4j(Rnn4jCommand)}, with {@code more} overrides after the command line's. */
    public Rnn4j rnn4j(Rnn4jCommand root, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return root.rnn4j().runFile(runFile).overrides(all).build();
    }
}
