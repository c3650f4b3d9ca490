package org.rnn4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.PluginException;
import org.rnn4j.api.training.Outcome;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.api.Optimizer;
import org.rnn4j.api.Topology;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.training.EpochEvent;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.activation.Sigmoid;

/** A host installs rnn4j into its own injector and adds plugins of its own through the same map binders. */
final class Rnn4jModuleTest {

    private static final Config RUN = ConfigFactory.parseString("""
            rnn4j {
              topology.type = host-net
              trainer { type = host-trainer, epochs = 3, batch-size = 10, optimizer.type = host-optimizer }
            }""");

    private final Topology topology = mock(Topology.class);
    private final Trainer trainer = mock(Trainer.class);
    private final Optimizer optimizer = mock(Optimizer.class);
    private final TrainingSession session = mock(TrainingSession.class);

    @BeforeEach
    void setUp() {
        when(topology.name()).thenReturn("host-net");
        when(trainer.name()).thenReturn("host-trainer");
        when(optimizer.name()).thenReturn("host-optimizer");
        when(topology.build(any())).thenAnswer(call -> LayerGraph.builder(1)
                .group("out", 1, new Sigmoid(), true).connect("input", "out", 0).output("out").build().network());
        when(optimizer.create(any(), any())).thenReturn((parameters, gradient) -> { });
        when(trainer.start(any())).thenReturn(session);
    }

    private Module hostPlugins() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Topology.class).addBinding("host-net").toInstance(topology);
                MapBinder.newMapBinder(binder(), String.class, Trainer.class).addBinding("host-trainer").toInstance(trainer);
                MapBinder.newMapBinder(binder(), String.class, Optimizer.class).addBinding("host-optimizer").toInstance(optimizer);
            }
        };
    }

    @Test
    void aHostInjectorGetsRnn4jWithItsOwnPluginsBesideTheDiscoveredOnes() {
        Rnn4j rnn4j = Guice.createInjector(new Rnn4jModule(RUN), hostPlugins()).getInstance(Rnn4j.class);
        assertTrue(rnn4j.plugins().stream().anyMatch(p -> p.kind().equals("topologies") && p.name().equals("host-net")));
        assertTrue(rnn4j.plugins().stream().anyMatch(p -> p.kind().equals("activations") && p.name().equals("tanh")),
                "built-ins are discovered");
        assertTrue(rnn4j.plugins().stream().anyMatch(p -> p.name().equals("temporal-xor")));
        assertEquals(3, rnn4j.config().getInt("rnn4j.trainer.epochs"));
    }

    @Test
    void trainRunsEachEpochThroughTheTrainersSessionAndTellsListeners() {
        when(session.runEpoch(anyInt(), any())).thenReturn(0.5, 0.4, 0.3);
        TrainingListener listener = mock(TrainingListener.class);
        TrainingRun result = Rnn4j.create(RUN, hostPlugins()).train(listener);

        assertEquals(List.of(0.5, 0.4, 0.3), result.trainLoss());
        verify(session, times(3)).runEpoch(anyInt(), any());
        InOrder order = inOrder(listener, session);
        order.verify(listener).onStart(3, 40);
        order.verify(session).runEpoch(eq(1), any());
        order.verify(listener).onEpoch(new EpochEvent(1, 3, 0.5));
        order.verify(session).runEpoch(eq(3), any());
        order.verify(listener).onEpoch(new EpochEvent(3, 3, 0.3));
        order.verify(listener).onEnd();
        assertEquals("held-out sequences", result.evaluation().dataName());
        assertEquals(100, result.evaluation().sequences(), "a fifth of the 500 default sequences is held out");
        assertEquals(3000, result.evaluation().targetSteps(), "evaluated on every step of the 100 × 30 held-out sequences");
        assertTrue(result.evaluation().metrics().containsKey("xor-mse"));
    }

    @Test
    void aDivergingRunEndsWithATypedOutcomeAndTheLastFiniteEpochsParameters() {
        when(session.runEpoch(anyInt(), any())).thenReturn(0.5, Double.NaN);
        TrainingRun run = Rnn4j.create(RUN, hostPlugins()).train();
        Outcome.Diverged diverged = assertInstanceOf(Outcome.Diverged.class, run.outcome());
        assertEquals(2, diverged.epoch());
        assertEquals(1, diverged.lastEpoch());
        assertTrue(diverged.checkpointEpoch().isEmpty(), "no checkpoint was asked for");
        assertEquals(1, run.history().size());
    }

    @Test
    void anInterruptStopsTheRunAfterTheCurrentUpdateAndStaysSet() {
        when(session.runEpoch(anyInt(), any())).thenAnswer(call -> {
            if ((int) call.getArgument(0) == 2) {
                Thread.currentThread().interrupt();
            }
            return 0.5;
        });
        try {
            TrainingRun run = Rnn4j.create(RUN, hostPlugins()).train();
            assertEquals(new Outcome.Stopped(1, true), run.outcome());
            assertTrue(Thread.currentThread().isInterrupted(), "the caller still sees the interrupt");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aListenerThatThrowsEndsTheRunWithItsOwnException() {
        when(session.runEpoch(anyInt(), any())).thenReturn(0.5);
        IllegalStateException thrown = new IllegalStateException("the host's monitoring is down");
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                throw thrown;
            }
        };
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> Rnn4j.create(RUN, hostPlugins()).train(failing)));
    }

    @Test
    void aListenerThatThrowsInsideTheTrainersLoopIsNotBlamedOnTheTrainer() {
        IllegalStateException thrown = new IllegalStateException("listener broke");
        TrainingListener failing = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                throw thrown;
            }
        };
        when(trainer.start(any())).thenAnswer(call -> {
            TrainingSetup setup = call.getArgument(0);
            when(session.runEpoch(anyInt(), any())).thenAnswer(epoch -> setup.listener().stopRequested() ? 0.1 : 0.2);
            return session;
        });
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> Rnn4j.create(RUN, hostPlugins()).train(failing)));
    }

    @Test
    void aPluginsFaultNamesThePluginAndItsJarNotRnn4j() {
        when(session.runEpoch(anyInt(), any())).thenThrow(new ArrayIndexOutOfBoundsException("Index 7 out of bounds"));
        PluginException error = assertThrows(PluginException.class, () -> Rnn4j.create(RUN, hostPlugins()).train());
        assertTrue(error.getMessage().startsWith("the trainer 'host-trainer' ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("failed: java.lang.ArrayIndexOutOfBoundsException: Index 7 out of bounds"),
                error.getMessage());
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, error.getCause());
    }

    @Test
    void jvmSystemPropertiesAreNotAConfigurationLayer() {
        System.setProperty("rnn4j.trainer.epochs", "7");
        System.setProperty("rnn4j.trainer.epochz", "7");
        try {
            Rnn4j rnn4j = Rnn4j.create(RUN, hostPlugins());
            assertEquals(3, rnn4j.config().getInt("rnn4j.trainer.epochs"));
            assertFalse(rnn4j.config().hasPath("rnn4j.trainer.epochz"));
        } finally {
            System.clearProperty("rnn4j.trainer.epochs");
            System.clearProperty("rnn4j.trainer.epochz");
        }
    }

    @Test
    void aMisspeltPluginNameGetsTheNearestName() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Rnn4j.create(
                ConfigFactory.parseString("rnn4j.topology.type = host-nett").withFallback(RUN), hostPlugins()));
        assertTrue(error.getMessage().contains("unknown topology 'host-nett'; did you mean host-net?; available: host-net"),
                error.getMessage());
    }

    @Test
    void theWorkingDirectorysPluginFolderIsNotSearchedUnlessNamed() throws Exception {
        java.nio.file.Path plugins = java.nio.file.Path.of("plugins");
        boolean made = !java.nio.file.Files.exists(plugins);
        java.nio.file.Path stray = plugins.resolve("unrelated.jar");
        try {
            java.nio.file.Files.createDirectories(plugins);
            java.nio.file.Files.write(stray, new byte[] {1, 2, 3});
            Rnn4j.create(RUN, hostPlugins());  // a host whose working directory holds a stray jar starts as usual
            InvalidInputException named = assertThrows(InvalidInputException.class,
                    () -> Rnn4j.builder().config(RUN).pluginFolders(List.of(plugins)).modules(hostPlugins()).build());
            assertTrue(named.getMessage().contains("unrelated.jar: not a readable jar"), named.getMessage());
        } finally {
            java.nio.file.Files.deleteIfExists(stray);
            if (made) {
                java.nio.file.Files.deleteIfExists(plugins);
            }
        }
    }

    @Test
    void configurationProblemsSurfaceAsOneUserErrorFromCreate() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> Rnn4j.create(
                ConfigFactory.parseString("rnn4j { topology.type = nope, trainer.epochz = 3 }").withFallback(RUN), hostPlugins()));
        String[] problems = error.getMessage().split("\\R");
        assertEquals(2, problems.length, error.getMessage());
        assertTrue(error.getMessage().contains("unknown topology 'nope'; available: host-net"), error.getMessage());
        assertTrue(error.getMessage().contains("did you mean rnn4j.trainer.epochs?"), error.getMessage());
    }
}
