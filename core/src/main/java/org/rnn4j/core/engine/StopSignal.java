package org.rnn4j.core.engine;

import org.rnn4j.api.training.BatchEvent;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.plugin.PluginRegistry.HostException;

/**
 * The host's listener as the trainer sees it: a stop is requested when the listener asks for one
 * or the training thread is interrupted ({@link Thread#interrupt()}; the interrupt stays set for
 * the caller), polled after every update. What the listener throws inside the trainer's loop is
 * carried out as a {@link HostException} and rethrown by the engine as the listener's own.
 */
final class StopSignal implements TrainingListener {

    private final TrainingListener listener;

    StopSignal(TrainingListener listener) {
        this.listener = listener;
    }

    @Override
    public void onBatch(BatchEvent event) {
        try {
            listener.onBatch(event);
        } catch (RuntimeException e) {
            throw new HostException(e);
        }
    }

    @Override
    public boolean stopRequested() {
        try {
            return Thread.currentThread().isInterrupted() || listener.stopRequested();
        } catch (RuntimeException e) {
            throw new HostException(e);
        }
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        listener.onStart(epochs, batchesPerEpoch);
    }

    @Override
    public void onEpoch(EpochEvent event) {
        listener.onEpoch(event);
    }

    @Override
    public void onEnd() {
        listener.onEnd();
    }
}
