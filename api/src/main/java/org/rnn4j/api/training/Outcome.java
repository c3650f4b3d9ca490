package org.rnn4j.api.training;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How a training run ended. Decide on the type, never on {@link #describe()}'s text:
 *
 * <pre>{@code
 * switch (run.outcome()) {
 *     case Outcome.Completed c -> ...
 *     case Outcome.EarlyStopped s -> log.info("kept epoch {}", s.keptEpoch());
 *     case Outcome.Stopped s -> ...
 *     case Outcome.Diverged d -> ...
 * }
 * }</pre>
 */
public sealed interface Outcome {

    /**
     * The last epoch completed (0: none). The run's model holds its parameters — unless early
     * stopping is on, when it holds the best epoch's, or a stop came in the middle of the next
     * epoch, when it holds the parameters at the stop.
     */
    int lastEpoch();

    /** One line for a person: "completed", "early stopping after epoch 40; kept epoch 30 …". */
    String describe();

    /** Every epoch asked for was run. */
    record Completed(int lastEpoch) implements Outcome {
        @Override
        public String describe() {
            return "completed";
        }
    }

    /**
     * The validation loss stopped improving: the run ended after {@code lastEpoch} and its model
     * holds the parameters of {@code keptEpoch}, the best one.
     */
    record EarlyStopped(int lastEpoch, int keptEpoch, double validationLoss) implements Outcome {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "early stopping after epoch %d; kept epoch %d (validation loss %.5f)",
                    lastEpoch, keptEpoch, validationLoss);
        }
    }

    /**
     * A stop was requested — a listener's {@link TrainingListener#stopRequested()}, the thread's
     * interrupt, the command line's Ctrl-C or SIGTERM. {@code midEpoch}: the request came during
     * epoch {@code lastEpoch + 1}, whose partial updates are dropped from the checkpoint (a
     * resumed run repeats it) but kept in the run's model.
     */
    record Stopped(int lastEpoch, boolean midEpoch) implements Outcome {
        @Override
        public String describe() {
            return midEpoch ? "stopped on request in epoch " + (lastEpoch + 1) : "stopped on request after epoch " + lastEpoch;
        }
    }

    /**
     * The training loss became infinite or NaN in {@code epoch}; the run's model holds the
     * parameters after {@code lastEpoch}, the last finite one (with early stopping on: the best
     * epoch's), and the checkpoint, when the run keeps checkpoints ({@code checkpointEpoch}), those
     * after {@code lastEpoch}.
     */
    record Diverged(int epoch, double loss, int lastEpoch, OptionalInt checkpointEpoch) implements Outcome {
        @Override
        public String describe() {
            return "training diverged in epoch " + epoch + " (loss " + loss + "); try a smaller"
                    + " rnn4j.trainer.optimizer.learning-rate or rnn4j.trainer.clip-norm";
        }
    }
}
