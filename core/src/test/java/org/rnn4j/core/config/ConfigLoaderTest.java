package org.rnn4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.api.InvalidInputException;

final class ConfigLoaderTest {

    @TempDir
    Path folder;

    @Test
    void overridesBeatTheFileWhichBeatsTheDefaults() throws IOException {
        Path file = folder.resolve("run.conf");
        Files.writeString(file, "rnn4j { seed = 5, trainer.epochs = 7 }");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("rnn4j.seed", "9");
        overrides.put("rnn4j.topology.hidden", "[16, 8]");
        overrides.put("rnn4j.output.dir", "/tmp//runs");
        Config effective = ConfigLoader.effective(ConfigLoader.run(file, overrides), getClass().getClassLoader());
        assertEquals(9, effective.getInt("rnn4j.seed"));
        assertEquals(7, effective.getInt("rnn4j.trainer.epochs"));
        assertEquals(List.of(16, 8), effective.getIntList("rnn4j.topology.hidden"));
        assertEquals("/tmp//runs", effective.getString("rnn4j.output.dir"), "a plain value is taken verbatim");
        assertEquals("mse", effective.getString("rnn4j.trainer.loss"), "defaults fill in the rest");
        assertEquals("command line", ConfigLoader.where(effective.getValue("rnn4j.seed").origin()));
        assertEquals(file + ":1", ConfigLoader.where(effective.getValue("rnn4j.trainer.epochs").origin()));
    }

    @Test
    void aMissingOrMalformedFileIsAUserError() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ConfigLoader.run(folder.resolve("nope.conf"), Map.of()));
        assertTrue(missing.getMessage().contains("nope.conf: no such run file"), missing.getMessage());
        Path broken = folder.resolve("broken.conf");
        Files.writeString(broken, "rnn4j {\n  seed = 3\n  trainer { epochs = \n");
        InvalidInputException malformed = assertThrows(InvalidInputException.class, () -> ConfigLoader.run(broken, Map.of()));
        assertTrue(malformed.getMessage().contains("broken.conf"), malformed.getMessage());
        InvalidInputException badOverride = assertThrows(InvalidInputException.class,
                () -> ConfigLoader.run(null, Map.of("rnn4j.topology.hidden", "[16,")));
        assertTrue(badOverride.getMessage().startsWith("command line: cannot read '-Drnn4j.topology.hidden=[16,'"),
                badOverride.getMessage());
    }

    @Test
    void renderShowsTheRnn4jTreeOnly() {
        Config effective = ConfigLoader.effective(
                com.typesafe.config.ConfigFactory.parseString("other.key = 1, rnn4j.seed = 4"), getClass().getClassLoader());
        String text = ConfigLoader.render(effective);
        assertTrue(text.contains("seed=4"), text);
        assertTrue(!text.contains("other"), text);
    }
}
