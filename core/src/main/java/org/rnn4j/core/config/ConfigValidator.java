package org.rnn4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Plugin;
import org.rnn4j.core.plugin.PluginKind;
import org.rnn4j.core.plugin.PluginRegistry;

/**
 * Checks an effective configuration against the defaults before anything runs, and reports
 * every problem at once, one line each, with the file and line it came from:
 *
 * <ul>
 *   <li>a key no {@code reference.conf} declares (a typo), with the nearest valid key;</li>
 *   <li>a value of the wrong type (a string where a number is expected, a number where a list
 *       is); ranges, and whether a number must be whole, are checked by the plugin reading it
 *       (through {@link org.rnn4j.api.Settings}), since HOCON keeps no difference between 1 and 1.0;</li>
 *   <li>a value that is required and missing;</li>
 *   <li>an unknown plugin name, with the names available.</li>
 * </ul>
 *
 * <p>A run chooses a plugin with a {@code type} key ({@code rnn4j.topology.type = elman}); the
 * other keys of that block are the chosen plugin's, checked against its defaults in
 * {@code rnn4j.topologies.elman}.
 */
public final class ConfigValidator {

    private static final List<PluginKind<?>> SELECTED = PluginKind.ALL.stream()
            .filter(kind -> kind.selection() != null)
            .sorted(Comparator.comparing((PluginKind<?> kind) -> kind.selection().length()).reversed())
            .toList();

    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "on", "off");

    private final Config reference;
    private final PluginRegistry registry;

    public ConfigValidator(Config reference, PluginRegistry registry) {
        this.reference = reference;
        this.registry = registry;
    }

    /**
     * Throws one {@link InvalidInputException} listing every problem of {@code effective}, or
     * returns when there is none.
     */
    public void validate(Config effective) {
        List<String> problems = problems(effective);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(System.lineSeparator(), problems));
        }
    }

    /** Every problem of {@code effective}, one message each. */
    public List<String> problems(Config effective) {
        List<String> problems = new ArrayList<>();
        if (!effective.hasPath("rnn4j")) {
            problems.add("configuration has no 'rnn4j' block");
            return problems;
        }
        for (PluginKind<?> kind : SELECTED) {
            checkSelection(effective, kind, problems);
        }
        for (Map.Entry<String, ConfigValue> entry : effective.getConfig("rnn4j").entrySet()) {
            String path = "rnn4j." + entry.getKey();
            ConfigValue value = entry.getValue();
            if (isTypeKey(path)) {
                continue;
            }
            ConfigValue expected = expected(effective, path);
            if (expected == null) {
                problems.add(ConfigLoader.where(value.origin()) + ": unknown key " + path + suggestion(effective, path));
            } else {
                String mismatch = mismatch(expected, value);
                if (mismatch != null) {
                    problems.add(ConfigLoader.where(value.origin()) + ": " + path + ": " + mismatch);
                }
            }
        }
        for (PluginKind<?> kind : SELECTED) {
            String chosen = chosen(effective, kind);
            if (chosen != null && registry.has(kind, chosen)) {
                Config settings = RunSettings.choice(effective, kind).settings();
                Plugin plugin = registry.get(kind, chosen);
                for (Map.Entry<String, Class<? extends Plugin>> named
                        : PluginRegistry.call(plugin, plugin::pluginSettings).entrySet()) {
                    if (settings.hasPath(named.getKey())) {
                        checkNamedPlugin(kind.selection() + "." + named.getKey(), settings.getValue(named.getKey()),
                                PluginKind.of(named.getValue()), problems);
                    }
                }
            }
        }
        if (effective.hasPath(LOSS)) {
            checkNamedPlugin(LOSS, effective.getValue(LOSS), PluginKind.LOSS, problems);
        }
        for (String path : requiredKeys(effective)) {
            if (!effective.hasPath(path)) {
                problems.add(ConfigLoader.where(enclosingOrigin(effective, path)) + ": " + path + ": missing value");
            }
        }
        return problems;
    }

    private void checkSelection(Config effective, PluginKind<?> kind, List<String> problems) {
        String path = kind.selection() + ".type";
        if (!effective.hasPath(path)) {
            problems.add(path + ": missing value; choose a " + kind.noun() + ", " + registry.available(kind));
            return;
        }
        ConfigValue value = effective.getValue(path);
        if (value.valueType() != ConfigValueType.STRING) {
            problems.add(ConfigLoader.where(value.origin()) + ": " + path + ": expected the name of a " + kind.noun()
                    + ", got " + render(value));
            return;
        }
        String name = (String) value.unwrapped();
        if (kind == PluginKind.DATA_SOURCE && name.equals(ConfigLoader.IN_MEMORY)) {
            return; // a model trained on data given in memory: no data source stands behind it
        }
        if (!registry.has(kind, name)) {
            problems.add(ConfigLoader.where(value.origin()) + ": " + path + ": " + registry.unknown(kind, name));
        }
    }

    /** The run's loss: core's own key naming a plugin. */
    private static final String LOSS = "rnn4j.trainer.loss";

    /**
     * A value that names a plugin — as the chosen plugin declares of its settings
     * ({@link Plugin#pluginSettings()}), or the run's loss — must name an installed one.
     */
    private void checkNamedPlugin(String path, ConfigValue value, PluginKind<?> kind, List<String> problems) {
        if (kind == null || value.valueType() == ConfigValueType.LIST || value.valueType() == ConfigValueType.OBJECT
                || value.valueType() == ConfigValueType.NULL) {
            return;
        }
        String name = String.valueOf(value.unwrapped());
        if (!registry.has(kind, name)) {
            problems.add(ConfigLoader.where(value.origin()) + ": " + path + ": " + registry.unknown(kind, name));
        }
    }

    private static boolean isTypeKey(String path) {
        for (PluginKind<?> kind : SELECTED) {
            if (path.equals(kind.selection() + ".type")) {
                return true;
            }
        }
        return false;
    }

    /** The reference value {@code path} is checked against, or null when no default declares it. */
    private ConfigValue expected(Config effective, String path) {
        if (reference.hasPathOrNull(path)) {
            return reference.hasPath(path) ? reference.getValue(path) : NullDefault.VALUE;
        }
        for (PluginKind<?> kind : SELECTED) {
            String prefix = kind.selection() + ".";
            String chosen = chosen(effective, kind);
            if (path.startsWith(prefix) && chosen != null) {
                String mapped = kind.defaultsRoot() + "." + chosen + "." + path.substring(prefix.length());
                if (reference.hasPathOrNull(mapped)) {
                    return reference.hasPath(mapped) ? reference.getValue(mapped) : NullDefault.VALUE;
                }
            }
        }
        return null;
    }

    /** Keys whose default is null: the run must set them. */
    private List<String> requiredKeys(Config effective) {
        List<String> required = new ArrayList<>();
        for (PluginKind<?> kind : SELECTED) {
            String chosen = chosen(effective, kind);
            String root = kind.defaultsRoot() + "." + chosen;
            if (chosen == null || !reference.hasPath(root)) {
                continue;
            }
            for (String key : reference.getConfig(root).root().keySet()) {
                String mapped = root + "." + key;
                if (reference.hasPathOrNull(mapped) && !reference.hasPath(mapped)
                        && !effective.hasPath(mapped)) {
                    required.add(kind.selection() + "." + key);
                }
            }
        }
        return required;
    }

    private static String chosen(Config effective, PluginKind<?> kind) {
        String path = kind.selection() + ".type";
        if (effective.hasPath(path) && effective.getValue(path).valueType() == ConfigValueType.STRING) {
            return effective.getString(path);
        }
        return null;
    }

    /** Why {@code value} does not fit where {@code expected} is the default, or null when it fits. */
    private static String mismatch(ConfigValue expected, ConfigValue value) {
        if (expected == NullDefault.VALUE) {
            return value.valueType() == ConfigValueType.NULL ? "missing value" : null;
        }
        ConfigValueType want = expected.valueType();
        ConfigValueType got = value.valueType();
        if (got == ConfigValueType.NULL) {
            return "missing value; expected " + describe(expected);
        }
        switch (want) {
            case NUMBER: {
                Double number = asNumber(value);
                if (number == null) {
                    return "expected " + describe(expected) + ", got " + render(value);
                }
                return null;
            }
            case BOOLEAN:
                return got == ConfigValueType.BOOLEAN
                        || got == ConfigValueType.STRING && BOOLEAN_WORDS.contains(((String) value.unwrapped()).toLowerCase())
                        ? null : "expected true or false, got " + render(value);
            case STRING:
                return got == ConfigValueType.LIST || got == ConfigValueType.OBJECT
                        ? "expected a string, got " + render(value) : null;
            case LIST: {
                if (got != ConfigValueType.LIST) {
                    return "expected " + describe(expected) + ", got " + render(value);
                }
                ConfigList sample = (ConfigList) expected;
                if (!sample.isEmpty()) {
                    for (ConfigValue element : (ConfigList) value) {
                        String problem = mismatch(sample.get(0), element);
                        if (problem != null) {
                            return "in the list " + render(value) + ": " + problem;
                        }
                    }
                }
                return null;
            }
            case OBJECT:
                return "expected a block { … }, got " + render(value);
            default:
                return null;
        }
    }

    private static String render(ConfigValue value) {
        return value.render(ConfigRenderOptions.concise());
    }

    private static String describe(ConfigValue expected) {
        return switch (expected.valueType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case LIST -> ((ConfigList) expected).isEmpty() ? "a list" : "a list like " + render(expected);
            case OBJECT -> "a block { … }";
            default -> "a value";
        };
    }

    private static Double asNumber(ConfigValue value) {
        if (value.valueType() == ConfigValueType.NUMBER) {
            return ((Number) value.unwrapped()).doubleValue();
        }
        if (value.valueType() == ConfigValueType.STRING) {
            try {
                return Double.parseDouble(((String) value.unwrapped()).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private String suggestion(Config effective, String path) {
        Set<String> candidates = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> entry : reference.getConfig("rnn4j").entrySet()) {
            candidates.add("rnn4j." + entry.getKey());
        }
        for (PluginKind<?> kind : SELECTED) {
            candidates.add(kind.selection() + ".type");
            String chosen = chosen(effective, kind);
            String root = kind.defaultsRoot() + "." + chosen;
            if (chosen != null && reference.hasPath(root)) {
                for (Map.Entry<String, ConfigValue> entry : reference.getConfig(root).entrySet()) {
                    candidates.add(kind.selection() + "." + entry.getKey());
                }
            }
        }
        String best = PluginRegistry.nearest(path, candidates, Integer.MAX_VALUE);
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** Where the block that should hold {@code path} came from: the nearest enclosing block present. */
    private static com.typesafe.config.ConfigOrigin enclosingOrigin(Config effective, String path) {
        for (String parent = path; parent.contains("."); ) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            if (effective.hasPath(parent)) {
                return effective.getValue(parent).origin();
            }
        }
        return effective.root().origin();
    }

    /** Marks a default declared as {@code null}: a value the run must give. */
    private static final class NullDefault {
        static final ConfigValue VALUE = com.typesafe.config.ConfigValueFactory.fromAnyRef("required");
    }
}
