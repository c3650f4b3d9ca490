package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.RunConfig;

/** Reading sweep files: grids, random draws, seeds, and one clear line for each mistake. */
class SweepPlanTest {

    private static final Config REFERENCE = RunConfig.defaults(SweepPlanTest.class.getClassLoader());

    @TempDir
    static Path folder;

    /** The plan of a sweep file holding {@code text}, read as the command line reads it. */
    private static SweepPlan plan(String text) {
        try {
            Path file = folder.resolve("sweep.conf");
            Files.writeString(file, text);
            return SweepPlan.from(RunConfig.read(file, Map.of()), REFERENCE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String error(String text) {
        return assertThrows(InvalidInputException.class, () -> plan(text)).getMessage();
    }

    @Test
    void aGridTakesEveryCombinationWithEverySeed() {
        SweepPlan plan = plan("""
                rnn4j.seed = 10
                sweep {
                  axes {
                    rnn4j.topology.type = [elman, jordan, partially-recurrent]
                    rnn4j.topology.hidden = [[4], [8, 4]]
                  }
                  seeds = 2
                }
                """);
        assertEquals(List.of("rnn4j.topology.type", "rnn4j.topology.hidden"), plan.axes());
        assertEquals(12, plan.runs().size());
        SweepPlan.Run last = plan.runs().get(11);
        assertEquals(12, last.id());
        assertEquals(Map.of("rnn4j.topology.type", "partially-recurrent", "rnn4j.topology.hidden", "[8,4]"), last.values());
        assertEquals(11, last.seed());
        assertEquals(List.of(8, 4), last.config().getIntList("rnn4j.topology.hidden"));
        assertEquals(11, last.config().getLong("rnn4j.seed"));
        assertEquals(12, plan.runs().stream().map(run -> run.values().toString() + run.seed()).distinct().count());
    }

    @Test
    void randomSamplingDrawsTheBudgetReproducibly() {
        String text = """
                sweep {
                  axes {
                    rnn4j.topology.type = [elman, jordan, partially-recurrent]
                    rnn4j.trainer.optimizer.learning-rate = [0.001, 0.003, 0.01, 0.03]
                  }
                  sampling = random
                  budget = 5
                  seeds = 3
                }
                """;
        SweepPlan plan = plan(text);
        assertEquals(15, plan.runs().size());
        assertEquals(5, plan.runs().stream().map(SweepPlan.Run::values).distinct().count());
        assertEquals(plan.runs().stream().map(SweepPlan.Run::values).collect(Collectors.toList()),
                plan(text).runs().stream().map(SweepPlan.Run::values).collect(Collectors.toList()));
        assertTrue(plan(text.replace("budget = 5", "budget = 100")).runs().size() == 36, "a budget above the grid takes the grid");
    }

    @Test
    void mistakesAreOneLineNamingFileLineAndKey() {
        assertEquals(folder.resolve("sweep.conf") + ":1: sweep.axes.rnn4j.topology.type: expected a non-empty list of values, like [elman,"
                + " jordan] (a list-valued key takes a list of lists: [[4], [8]])",
                error("sweep.axes.rnn4j.topology.type = elman"));
        assertEquals(folder.resolve("sweep.conf") + ":1: sweep.axes.topology.type: an axis is an rnn4j key, like rnn4j.topology.type",
                error("sweep.axes.topology.type = [elman]"));
        assertTrue(error("sweep { axes.rnn4j.seed = [1], seed = 3 }")
                .startsWith(folder.resolve("sweep.conf") + ":1: sweep.seed: unknown key; a sweep block has axes, seeds"));
        assertEquals(folder.resolve("sweep.conf") + ":1: sweep.sampling: random sampling draws sweep.budget combinations;"
                + " set the budget", error("sweep { axes.rnn4j.seed = [1], sampling = random }"));
        assertTrue(error("sweep { axes.rnn4j.seed = [1], sampling = random, budget = 0 }")
                .endsWith("sweep.budget: expected an integer ≥ 1, got 0"));
        assertTrue(error("sweep { axes.rnn4j.seed = [1], sampling = latin }").endsWith("expected one of grid, random, got 'latin'"));
        assertTrue(error("rnn4j.seed = 1").startsWith("a sweep file needs a sweep block"));
    }
}
