package org.rnn4j.core.engine;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Every random number of a run comes from the run's seed through a named stream ("data",
 * "init", "epoch" 7, …), so that each part of a run is reproducible on its own: an epoch's
 * shuffle does not depend on how many numbers initialisation drew.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The generator of stream {@code purpose} number {@code index} of the run seeded {@code seed}. */
    public static RandomGenerator stream(long seed, String purpose, long index) {
        long mixed = mix(seed ^ mix(purpose.hashCode() * 0x9E3779B97F4A7C15L) ^ mix(index + 0x632BE59BD9B4E019L));
        return new SplittableRandom(mixed);
    }

    /** The generator of stream {@code purpose} of the run seeded {@code seed}. */
    public static RandomGenerator stream(long seed, String purpose) {
        return stream(seed, purpose, 0);
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
