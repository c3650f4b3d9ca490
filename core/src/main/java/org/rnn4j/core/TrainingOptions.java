package org.rnn4j.core;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.SessionFactory;
import org.rnn4j.api.training.TrainingListener;

/**
 * What a training run is asked to do besides its configuration; immutable, each {@code with…}
 * gives a copy.
 *
 * <pre>{@code
 * rnn4j.train(TrainingOptions.defaults().data(myData).checkpointTo(Path.of("run.ckpt")).listeners(log));
 * }</pre>
 *
 * @param data         the data to train on, or null for the configured data source's
 * @param resumeFrom   a checkpoint file to continue from, or null to start afresh
 * @param checkpointTo where to keep the run's checkpoint (replaced atomically every
 *                     {@code rnn4j.trainer.checkpoint-every} epochs and when the run stops), or null
 * @param sessions     how each epoch is run: in this JVM, or spread over a cluster (the {@code spark} module's)
 * @param listeners    told as training goes
 */
public record TrainingOptions(DataSet data, Path resumeFrom, Path checkpointTo, SessionFactory sessions,
                              List<TrainingListener> listeners) {

    public TrainingOptions {
        listeners = List.copyOf(listeners);
        java.util.Objects.requireNonNull(sessions, "sessions is null");
    }

    /** Configured data, no checkpoints, epochs run here, no listener. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(null, null, null, SessionFactory.LOCAL, List.of());
    }

    /** Train on {@code data} (see {@link InMemoryData}) instead of the configured data source's. */
    public TrainingOptions data(DataSet data) {
        return new TrainingOptions(data, resumeFrom, checkpointTo, sessions, listeners);
    }

    /** Continue the run whose checkpoint is {@code file}. */
    public TrainingOptions resumeFrom(Path file) {
        return new TrainingOptions(data, file, checkpointTo, sessions, listeners);
    }

    /** Keep the run's checkpoint in {@code file}. */
    public TrainingOptions checkpointTo(Path file) {
        return new TrainingOptions(data, resumeFrom, file, sessions, listeners);
    }

    /** Run each epoch through {@code factory}. */
    public TrainingOptions sessions(SessionFactory factory) {
        return new TrainingOptions(data, resumeFrom, checkpointTo, factory, listeners);
    }

    /** Tell {@code listeners} as training goes (replacing any given before). */
    public TrainingOptions listeners(TrainingListener... listeners) {
        return new TrainingOptions(data, resumeFrom, checkpointTo, sessions, List.of(listeners));
    }
}
