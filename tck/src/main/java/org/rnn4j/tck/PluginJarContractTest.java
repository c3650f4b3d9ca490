package org.rnn4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PluginJarCheck} on a plugin's own build output: its services entries load, names are
 * valid, defaults are in its reference.conf. Extend it once in a plugin's tests.
 */
public abstract class PluginJarContractTest {

    /** The plugin's classes folder (before packaging, the manifest is not checked) or its jar. */
    protected Path plugin() {
        return Path.of("target", "classes");
    }

    @Test
    void servicesNamesAndDefaultsAreAsRnn4jWillLoadThem() {
        PluginJarCheck.Report report = PluginJarCheck.check(plugin());
        assertEquals(List.of(), report.problems());
        assertFalse(report.plugins().isEmpty(), "provides a plugin");
    }
}
