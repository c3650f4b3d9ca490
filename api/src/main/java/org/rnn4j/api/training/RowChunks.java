package org.rnn4j.api.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.rnn4j.api.network.Network;

/**
 * A batch's rows in chunks of a fixed number of rows, computed on a team of threads. The sequences
 * of a batch are independent, so each chunk's forward and backward passes can run on a thread of
 * their own; where the chunks' results are summed, the caller sums them in chunk order. The chunk
 * size, not the thread count, fixes every result: a run is bit-identical on 1 thread or 16.
 *
 * <p>The team is made once and reused: {@link #run} allocates nothing, so a trainer may call it
 * every step; waiting threads spin briefly before they park, as the next round usually follows at
 * once. Threads are daemons and end with {@link #close}. A network that is not
 * {@link Network#concurrent()} gets a team of one: its chunks run one after another, with the
 * same results. One {@link #run} at a time: not for two callers at once.
 */
public final class RowChunks implements AutoCloseable {

    /** How long a waiting thread spins before it parks: a batch's next round usually starts sooner. */
    private static final long SPIN_NANOS = 50_000;

    private final int rows;
    private final int threads;
    private final Thread[] workers;
    /** The thread of the current round's {@link #run}, which the last worker to finish wakes. */
    private volatile Thread caller;
    /** Rounds started: a worker runs its share of each new one. */
    private volatile long round;
    /** Workers still running the current round's chunks. */
    private final AtomicInteger running = new AtomicInteger();
    /** Per chunk, the last round that took it: a chunk is taken once per round, by whoever gets it first. */
    private AtomicLongArray taken = new AtomicLongArray(0);
    private final Throwable[] failures;
    private final int[] failedChunk;
    private volatile IntConsumer task;
    private volatile int count;
    private volatile boolean closed;

    /**
     * @param rows    rows per chunk (the last chunk of a batch may have fewer)
     * @param threads threads to run chunks on, the caller's included; 1 runs them on the caller's thread alone
     */
    public RowChunks(int rows, int threads) {
        if (rows < 1 || threads < 1) {
            throw new IllegalArgumentException("rows per chunk and threads must be positive: " + rows + ", " + threads);
        }
        this.rows = rows;
        this.threads = threads;
        this.failures = new Throwable[threads];
        this.failedChunk = new int[threads];
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int id = w;
            Thread worker = new Thread(() -> work(id), "rnn4j-chunks-" + w);
            worker.setDaemon(true);
            workers[w - 1] = worker;
            worker.start();
        }
    }

    /** Rows per chunk where a trainer's settings name none. */
    public static final int DEFAULT_ROWS = 16;

    /**
     * The chunks a trainer's {@code settings} ask for ({@code chunk} rows, {@code threads}
     * threads, 0 for every available core; settings without them: {@value #DEFAULT_ROWS} rows on
     * one thread), for {@code network}: one thread when it is not {@link Network#concurrent()}.
     * The framework has checked the values of a run's settings.
     */
    public static RowChunks of(com.typesafe.config.Config settings, Network network) {
        int rows = settings.hasPath("chunk") ? settings.getInt("chunk") : DEFAULT_ROWS;
        return new RowChunks(rows, network.concurrent() ? threads(settings) : 1);
    }

    /** The threads a trainer's {@code settings} ask for: {@code threads}, 0 for every available core; 1 when they name none. */
    public static int threads(com.typesafe.config.Config settings) {
        int threads = settings.hasPath("threads") ? settings.getInt("threads") : 1;
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Rows per chunk. */
    public int rows() {
        return rows;
    }

    /** Threads chunks run on, the caller's included. */
    public int threads() {
        return threads;
    }

    /** How many chunks {@code batchRows} rows make. */
    public int count(int batchRows) {
        return (batchRows + rows - 1) / rows;
    }

    /** The first row of chunk {@code chunk}. */
    public int from(int chunk) {
        return chunk * rows;
    }

    /** One past the last row of chunk {@code chunk} of a batch of {@code batchRows} rows. */
    public int to(int chunk, int batchRows) {
        return Math.min(batchRows, (chunk + 1) * rows);
    }

    /**
     * Runs {@code task} for chunks 0 … {@code chunks} − 1, spread over the team, and returns when
     * all are done. Each chunk must write only what is its own. A chunk's exception is rethrown
     * here (the lowest chunk's, when several fail), after every chunk has ended.
     */
    public void run(int chunks, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("the chunks' threads are closed");
        }
        if (workers.length == 0 || chunks <= 1) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                task.accept(chunk);
            }
            return;
        }
        if (taken.length() < chunks) {
            taken = new AtomicLongArray(chunks);  // a larger batch than before: once
        }
        this.task = task;
        this.count = chunks;
        this.caller = Thread.currentThread();
        running.set(workers.length);
        round++;  // volatile: publishes task and count to the workers
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        share(0);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (running.get() > 0) {  // every chunk done: the workers' writes are visible after this read
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.task = null;
        rethrow();
    }

    /**
     * Team member {@code id}'s part of a round: its own chunks (every threads-th, from its own, so
     * that a chunk's arrays stay in one core's cache from batch to batch), then any other member's it
     * finds not yet taken, from the last — so a thread the host holds up does not hold up the round.
     * Which thread computes a chunk changes nothing in it.
     */
    private void share(int id) {
        IntConsumer current = task;
        int chunks = count;
        long now = round;
        int chunk = -1;
        try {
            for (chunk = id; chunk < chunks; chunk += threads) {
                if (taken.getAndSet(chunk, now) != now) {
                    current.accept(chunk);
                }
            }
            for (chunk = chunks - 1; chunk >= 0; chunk--) {
                if (taken.getAndSet(chunk, now) != now) {
                    current.accept(chunk);
                }
            }
        } catch (RuntimeException | Error e) {
            failures[id] = e;
            failedChunk[id] = chunk;
        }
    }

    /** The failure of the lowest chunk that failed, if any, as it was thrown. */
    private void rethrow() {
        Throwable first = null;
        int lowest = Integer.MAX_VALUE;
        for (int id = 0; id < threads; id++) {
            if (failures[id] != null && failedChunk[id] < lowest) {
                first = failures[id];
                lowest = failedChunk[id];
            }
            failures[id] = null;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
    }

    private void work(int id) {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (round == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = round;
            share(id);
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Ends the team's threads; {@link #run} may not be called after. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);  // a waiting worker sees closed and leaves
        }
    }
}
