package org.rnn4j.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Settings;
import org.rnn4j.core.RunConfig;

/**
 * The runs of a sweep file: a run file (the base every run starts from) plus a {@code sweep}
 * block of axes — keys with lists of values — and seeds; grid sampling takes every combination,
 * random sampling a budget of them. A value that is an object is merged over the base's block at
 * its key, so one axis can pair settings: {@code rnn4j.trainer = [{type = bptt}, {type = rtrl,
 * update = sequence}]}.
 *
 * @param axes the swept keys, in the file's order
 * @param runs the runs, numbered from 1
 */
public record SweepPlan(List<String> axes, List<Run> runs) {

    private static final Set<String> KEYS = Set.of("axes", "seeds", "sampling", "budget", "sampling-seed");

    /**
     * One run of a sweep.
     *
     * @param id     1, 2, … in the order the plan lists them
     * @param values each axis's value for this run: a string as it is, anything else as JSON
     * @param seed   the run's {@code rnn4j.seed}
     * @param config the run's own settings (the base with this run's values), origins kept
     */
    public record Run(int id, Map<String, String> values, long seed, Config config) implements Serializable {
    }

    /**
     * The runs a sweep file asks for.
     *
     * @param file      the sweep file's own settings, as read ({@link RunConfig#read})
     * @param reference the defaults, for the {@code sweep} block's keys not set
     * @throws InvalidInputException naming the file, line and key of a malformed {@code sweep} block
     */
    public static SweepPlan from(Config file, Config reference) {
        if (!file.hasPath("sweep")) {
            throw new InvalidInputException("a sweep file needs a sweep block with axes, e.g."
                    + " sweep.axes { rnn4j.topology.type = [elman, jordan] }");
        }
        for (String key : file.getObject("sweep").keySet()) {
            if (!KEYS.contains(key)) {
                throw new Settings(file.getConfig("sweep"), "sweep").invalid(key,
                        "unknown key; a sweep block has " + String.join(", ", List.of("axes", "seeds", "sampling",
                                "budget", "sampling-seed")));
            }
        }
        Settings sweep = new Settings(file.getConfig("sweep").withFallback(reference.getConfig("sweep")), "sweep");
        int seeds = sweep.integer("seeds", 1, 1_000_000);
        String sampling = sweep.oneOf("sampling", "grid", "random");
        Config axesBlock = sweep.config().getConfig("axes");
        Map<String, List<ConfigValue>> axes = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : sortedByLine(axesBlock)) {
            String key = String.join(".", ConfigUtil.splitPath(entry.getKey()));
            if (!key.startsWith("rnn4j.")) {
                throw new Settings(axesBlock, "sweep.axes").invalid(entry.getKey(),
                        "an axis is an rnn4j key, like rnn4j.topology.type");
            }
            if (!(entry.getValue().unwrapped() instanceof List<?> values) || values.isEmpty()) {
                throw new Settings(axesBlock, "sweep.axes").invalid(entry.getKey(),
                        "expected a non-empty list of values, like [elman, jordan] (a list-valued key takes a list of lists: [[4], [8]])");
            }
            axes.put(key, new ArrayList<>(axesBlock.getList(entry.getKey())));
        }
        List<List<ConfigValue>> combinations = combinations(new ArrayList<>(axes.values()));
        if (sampling.equals("random")) {
            if (!file.hasPath("sweep.budget")) {
                throw sweep.invalid("sampling", "random sampling draws sweep.budget combinations; set the budget");
            }
            int budget = sweep.integer("budget", 1, Integer.MAX_VALUE);
            Collections.shuffle(combinations, new Random(sweep.integer("sampling-seed", Integer.MIN_VALUE, Integer.MAX_VALUE)));
            combinations = combinations.subList(0, Math.min(budget, combinations.size()));
        }
        Config base = file.withoutPath("sweep");
        long firstSeed = base.hasPath("rnn4j.seed") ? base.getLong("rnn4j.seed") : reference.getLong("rnn4j.seed");
        List<Run> runs = new ArrayList<>();
        List<String> keys = new ArrayList<>(axes.keySet());
        for (List<ConfigValue> combination : combinations) {
            for (int s = 0; s < seeds; s++) {
                Config config = base;
                Map<String, String> values = new LinkedHashMap<>();
                for (int axis = 0; axis < keys.size(); axis++) {
                    ConfigValue value = combination.get(axis);
                    // An object merges over the base's block ({type = rtrl, update = sequence}); anything else replaces.
                    config = ConfigFactory.empty().withValue(keys.get(axis), value).withFallback(config);
                    values.put(keys.get(axis), value.unwrapped() instanceof String text ? text
                            : value.render(com.typesafe.config.ConfigRenderOptions.concise()));
                }
                long seed = firstSeed + s;
                config = config.withValue("rnn4j.seed", ConfigValueFactory.fromAnyRef(seed, "sweep seed " + (s + 1)));
                runs.add(new Run(runs.size() + 1, values, seed, config));
            }
        }
        return new SweepPlan(keys, List.copyOf(runs));
    }

    /** Every combination of one value per axis, the last axis varying fastest. */
    private static List<List<ConfigValue>> combinations(List<List<ConfigValue>> axes) {
        List<List<ConfigValue>> all = new ArrayList<>();
        all.add(List.of());
        for (List<ConfigValue> axis : axes) {
            List<List<ConfigValue>> next = new ArrayList<>();
            for (List<ConfigValue> prefix : all) {
                for (ConfigValue value : axis) {
                    List<ConfigValue> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            all = next;
        }
        return all;
    }

    /** The axes in the order they were written (a config's own order is a hash map's). */
    private static List<Map.Entry<String, ConfigValue>> sortedByLine(Config axes) {
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(axes.entrySet());
        entries.sort(java.util.Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> e.getValue().origin().lineNumber())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }
}
