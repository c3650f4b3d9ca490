package org.rnn4j.trainers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.rnn4j.api.InvalidInputException;

/** Reads a trainer's or optimizer's numbers with range checks and messages naming the key. */
final class Settings {

    private final Config config;
    private final String path;

    Settings(Config config, String path) {
        this.config = config;
        this.path = path;
    }

    /** A number in [min, max] (either bound may be infinite). */
    double number(String key, double min, double max) {
        double value;
        try {
            value = config.getDouble(key);
        } catch (ConfigException e) {
            throw new InvalidInputException(path + "." + key + ": " + e.getMessage(), e);
        }
        if (!(value >= min && value <= max)) {
            String where = config.getValue(key).origin().filename() == null ? ""
                    : config.getValue(key).origin().filename() + ":" + config.getValue(key).origin().lineNumber() + ": ";
            throw new InvalidInputException(where + path + "." + key + ": expected a number in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }
}
