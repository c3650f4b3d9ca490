package org.rnn4j.api.training;

/**
 * Follows a training run: progress bars, logs, a host's own monitoring. Every method has an
 * empty default; listeners are called on the training thread and must return quickly.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Before the first epoch. */
    default void onStart(int epochs, int batchesPerEpoch) {
    }

    /** After each parameter update (each batch for BPTT; each step for online RTRL). */
    default void onBatch(BatchEvent event) {
    }

    /** After each epoch. */
    default void onEpoch(EpochEvent event) {
    }

    /** After the last epoch. */
    default void onEnd() {
    }

    /**
     * Polled after every parameter update: returning true stops training cleanly at that point,
     * keeping the parameters as they are (a host's way to stop a run).
     */
    default boolean stopRequested() {
        return false;
    }
}
