package org.rnn4j.trainers;

import java.util.random.RandomGenerator;

/** The Fisher–Yates shuffle every trainer uses for its epoch order, so that a seed means the same order in each. */
final class Shuffle {

    private Shuffle() {
    }

    /** Fills {@code order} with 0 … n − 1 and shuffles it, so that the order depends on {@code random} alone. */
    static void shuffle(int[] order, RandomGenerator random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
