package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.api.training.EpochRecord;
import org.rnn4j.core.TrainingRun;

/** The engine's loop with real plugins: validation, early stopping, stopping on request. */
final class EngineTest {

    private static final String SMALL = "rnn4j { data { sequences = 100, validation-fraction = 0.25 }, topology.hidden = [4] }";

    private static TrainingRun train(String settings, TrainingListener... listeners) {
        return Rnn4j.create(ConfigFactory.parseString(settings).withFallback(ConfigFactory.parseString(SMALL))).train(listeners);
    }

    @Test
    void earlyStoppingKeepsTheBestEpochsParameters() {
        TrainingRun stopped = train("rnn4j.trainer { epochs = 400, early-stopping { patience = 4, min-delta = 0.001 } }");
        List<EpochRecord> history = stopped.history();
        assertTrue(history.size() < 400, "stopped early: " + stopped.outcome());
        int best = 0;
        for (EpochRecord record : history) {
            if (record.validationLoss() < history.get(best).validationLoss() - 0.001) {
                best = record.epoch() - 1;
            }
        }
        int bestEpoch = best + 1;
        assertEquals(bestEpoch + 4, history.size(), "patience 4 after the best epoch");
        Outcome.EarlyStopped early = assertInstanceOf(Outcome.EarlyStopped.class, stopped.outcome());
        assertEquals(history.size(), early.lastEpoch());
        assertEquals(bestEpoch, early.keptEpoch());
        assertTrue(early.describe().startsWith("early stopping after epoch " + history.size() + "; kept epoch " + bestEpoch),
                early.describe());
        double[] rerun = train("rnn4j.trainer.epochs = " + bestEpoch).model().parameters();
        assertArrayEquals(rerun, stopped.model().parameters(), "the best epoch's parameters were restored");
    }

    @Test
    void validationFiguresArriveWithEveryEpoch() {
        List<EpochEvent> events = new ArrayList<>();
        train("rnn4j.trainer.epochs = 3", new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                events.add(event);
            }
        });
        assertEquals(3, events.size());
        for (EpochEvent event : events) {
            assertFalse(Double.isNaN(event.validationLoss()));
            assertTrue(event.metrics().containsKey("xor-mse") && event.metrics().containsKey("random-mse"), event.toString());
        }
    }

    @Test
    void aHostStopsTrainingCleanly() {
        int[] epochs = new int[1];
        TrainingRun result = train("rnn4j.trainer.epochs = 50", new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                epochs[0] = event.epoch();
            }

            @Override
            public boolean stopRequested() {
                return epochs[0] >= 3;
            }
        });
        assertEquals(new Outcome.Stopped(3, false), result.outcome());
        assertEquals("stopped on request after epoch 3", result.outcome().describe());
        assertEquals(3, result.history().size());
        assertTrue(Double.isFinite(result.evaluation().lossPerStep()), "the stopped network is still evaluated");
    }

    @Test
    void earlyStoppingWithoutValidationSequencesIsAUserError() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> train(
                "rnn4j { data.validation-fraction = 0, trainer.early-stopping.patience = 3 }"));
        assertTrue(error.getMessage().contains("rnn4j.trainer.early-stopping.patience: early stopping needs validation sequences"),
                error.getMessage());
    }
}
