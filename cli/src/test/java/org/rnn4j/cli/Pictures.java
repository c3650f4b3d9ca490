package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What every chart test asks of a picture: the charts' size, and something drawn on it. */
final class Pictures {

    private Pictures() {
    }

    static void assertDrawn(BufferedImage image, String what) {
        assertEquals(800, image.getWidth(), what);
        assertEquals(500, image.getHeight(), what);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, what + ": " + colours.size() + " colours, a blank picture");
    }
}
