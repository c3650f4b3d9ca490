package org.rnn4j.core.engine;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.rnn4j.core.config.RunSettings;
import org.slf4j.Logger;

final class LossWatchTest {

    private final Logger log = mock(Logger.class);
    private final RunSettings settings = RunSettings.from(ConfigFactory.parseString("""
            rnn4j {
              seed = 1, precision = double, data { type = d, test-fraction = 0.2, validation-fraction = 0, normalize = none, split = auto, horizon = 0,
                      transform { log = false, difference = [] } }
              topology.type = t, output.dir = runs
              trainer {
                type = s, epochs = 10, batch-size = 1, loss = mse, checkpoint-every = 0, threads = 1, chunk = 16
                clip-value = 0, clip-norm = 0, weight-decay = 0
                schedule { type = constant, step-size = 1, gamma = 1 }
                early-stopping { patience = 0, min-delta = 0 }
                optimizer { type = sgd, learning-rate = 1e9 }
              }
            }""").resolve());

    private void feed(double... losses) {
        LossWatch watch = new LossWatch(log, settings);
        for (int e = 0; e < losses.length; e++) {
            watch.observe(e + 1, losses[e]);
        }
    }

    @Test
    void aLossStuckForFiveEpochsIsReportedOnceNamingTheLearningRate() {
        feed(0.49, 0.5017, 0.5017, 0.5017, 0.5017, 0.5017, 0.5017, 0.5017);
        verify(log, times(1)).warn(contains("has not moved in epochs {}-{}"), any(), any(), any(), contains("learning-rate = 1000000000"));
    }

    @Test
    void aLossGrowingEveryEpochToTwiceItsSizeIsReported() {
        feed(0.1, 0.15, 0.2, 0.3, 0.5, 0.9);
        verify(log, times(1)).warn(contains("has grown in each of epochs"), any(Object[].class));
    }

    @Test
    void aLearningRunAndOneThatReachedZeroAreNotReported() {
        feed(0.5, 0.4, 0.35, 0.3, 0.28, 0.27, 0.26, 0.25);
        feed(0.1, 0, 0, 0, 0, 0, 0);
        verify(log, never()).warn(anyString(), any(Object[].class));
        verify(log, never()).warn(anyString(), any(), any(), any(), any());
    }
}
