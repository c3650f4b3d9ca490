package org.rnn4j.api.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

final class RowChunksTest {

    @Test
    void aBatchIsCutIntoChunksOfTheGivenRows() {
        try (RowChunks chunks = new RowChunks(16, 1)) {
            assertEquals(3, chunks.count(40));
            assertEquals(32, chunks.from(2));
            assertEquals(40, chunks.to(2, 40));
            assertEquals(1, chunks.count(10));
            assertEquals(10, chunks.to(0, 10));
        }
    }

    @Test
    void everyChunkRunsOnceSpreadOverTheTeam() {
        try (RowChunks chunks = new RowChunks(4, 3)) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 20; round++) {
                int[] runs = new int[7];
                chunks.run(7, c -> {
                    runs[c]++;
                    threads.add(Thread.currentThread().getName());
                    long until = System.nanoTime() + 200_000;  // busy long enough for every thread to take some
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                });
                assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, runs);
            }
            assertEquals(3, threads.size(), "the caller and two workers");
        }
    }

    /**
     * Chunks are taken, not only dealt: while one thread is held up by chunk 0 — until every other
     * chunk has run — the other threads take all of them, its own next ones included.
     */
    @Test
    void aThreadHeldUpTakesNoMoreChunks() {
        try (RowChunks chunks = new RowChunks(1, 3)) {
            java.util.concurrent.CountDownLatch others = new java.util.concurrent.CountDownLatch(6);
            boolean[] released = new boolean[1];
            chunks.run(7, c -> {
                if (c == 0) {
                    try {
                        released[0] = others.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    others.countDown();
                }
            });
            assertTrue(released[0], "chunks waited for the thread held up by chunk 0");
        }
    }

    @Test
    void theLowestFailingChunksExceptionIsRethrownAfterAllEnd() {
        try (RowChunks chunks = new RowChunks(1, 2)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> chunks.run(6, c -> {
                if (c == 3 || c == 4) {
                    throw new IllegalStateException("chunk " + c);
                }
            }));
            assertEquals("chunk 3", error.getMessage());
            int[] runs = new int[4];
            chunks.run(4, c -> runs[c]++);
            assertArrayEquals(new int[] {1, 1, 1, 1}, runs, "the team works on after a failure");
        }
    }

    @Test
    void closingEndsTheThreads() throws Exception {
        RowChunks chunks = new RowChunks(1, 3);
        chunks.run(3, c -> { });
        chunks.close();
        for (int wait = 0; wait < 200 && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("rnn4j-chunks-") && t.isAlive()); wait++) {
            Thread.sleep(10);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("rnn4j-chunks-") && t.isAlive()), "no team thread is left");
        assertThrows(IllegalStateException.class, () -> chunks.run(2, c -> { }));
        assertTrue(chunks.threads() == 3);
    }
}
