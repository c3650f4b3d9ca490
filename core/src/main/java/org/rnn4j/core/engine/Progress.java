package org.rnn4j.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.api.training.Checkpoint;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.api.training.ParameterUpdater;
import org.rnn4j.core.config.EarlyStopping;

/**
 * Where a run stands between epochs: its history, the best epoch so far (for early stopping) and
 * the last completed epoch's checkpoint. Restored from a checkpoint on resume, so that a resumed
 * run continues exactly as an uninterrupted one.
 */
final class Progress {

    private final Network network;
    private final ParameterUpdater updater;
    private final EarlyStopping stopping;
    private final List<EpochRecord> history = new ArrayList<>();
    private final Parameters best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private Checkpoint last;

    Progress(Network network, ParameterUpdater updater, EarlyStopping stopping) {
        this.network = network;
        this.updater = updater;
        this.stopping = stopping;
        this.best = stopping.enabled() ? network.parameters().copy() : null;
        this.last = snapshot(0);
    }

    /** Continues from {@code checkpoint}: parameters, optimizer state, history and best epoch. */
    void resume(Checkpoint checkpoint, int epochs) {
        if (checkpoint.parameters().length != network.parameters().size()) {
            throw new InvalidInputException("the checkpoint holds " + checkpoint.parameters().length
                    + " parameters but this run's network has " + network.parameters().size());
        }
        if (checkpoint.epoch() < 0 || checkpoint.epoch() > epochs || checkpoint.history().size() != checkpoint.epoch()) {
            throw new InvalidInputException("the checkpoint's epoch " + checkpoint.epoch() + " does not fit a run of "
                    + epochs + " epochs with " + checkpoint.history().size() + " epochs of history");
        }
        network.parameters().unflatten(checkpoint.parameters());
        try {
            updater.restore(checkpoint.optimizer());
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // The state came from the file: one that does not fit is the file's fault.
            throw new InvalidInputException("the checkpoint's optimizer state does not fit: " + e, e);
        }
        history.addAll(checkpoint.history());
        if (best != null && checkpoint.bestParameters() != null) {
            best.unflatten(checkpoint.bestParameters());
            bestLoss = checkpoint.bestLoss();
            bestEpoch = checkpoint.bestEpoch();
        }
        last = checkpoint;
    }

    /** The first epoch still to run. */
    int nextEpoch() {
        return last.epoch() + 1;
    }

    /**
     * Records a completed epoch and takes its checkpoint; returns whether early stopping ends the
     * run here (the validation loss has not improved for {@code patience} epochs).
     */
    boolean completed(EpochRecord record) {
        history.add(record);
        boolean exhausted = false;
        if (stopping.enabled()) {
            if (record.validationLoss() < bestLoss - stopping.minDelta()) {
                bestLoss = record.validationLoss();
                bestEpoch = record.epoch();
                best.setFrom(network.parameters());
            } else if (record.epoch() - bestEpoch >= stopping.patience()) {
                exhausted = true;
            }
        }
        last = snapshot(record.epoch());
        return exhausted;
    }

    /** With early stopping, sets the network to the best epoch's parameters (when there was one). */
    void keepBest() {
        if (best != null && bestEpoch > 0) {
            network.parameters().setFrom(best);
        }
    }

    /** Sets the network back to the last completed epoch's parameters (after a divergence). */
    void rollBack() {
        network.parameters().unflatten(last.parameters());
    }

    Checkpoint last() {
        return last;
    }

    List<EpochRecord> history() {
        return List.copyOf(history);
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestLoss() {
        return bestLoss;
    }

    private Checkpoint snapshot(int epoch) {
        return new Checkpoint(epoch, network.parameters().toArray(), updater.state(), history,
                best == null ? null : best.toArray(), bestLoss, bestEpoch);
    }
}
