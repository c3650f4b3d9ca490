package org.rnn4j.embedding;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import jakarta.inject.Inject;
import java.util.List;
import org.rnn4j.api.Topology;
import org.rnn4j.api.TopologyContext;
import org.rnn4j.api.graph.LayerGraph;
import org.rnn4j.api.graph.WeightInit;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Parameters;
import org.rnn4j.core.InMemoryData;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.core.Rnn4jModule;
import org.rnn4j.core.TrainingRun;

/**
 * rnn4j inside a host's own Guice injector: the host installs {@link Rnn4jModule}, adds a topology
 * of its own through the same map binder as the discovered ones, and injects {@link Rnn4j} where
 * it needs it.
 */
public final class HostApplication {

    private HostApplication() {
    }

    // [host-topology]
    /** The host's own topology: one self-recurrent tanh layer, declared on the graph kit. */
    public static final class SelfLoops implements Topology {
        @Override
        public String name() {
            return "self-loops";
        }

        @Override
        public Network build(TopologyContext context) {
            Network network = LayerGraph.builder(context.inputSize())
                    .group("hidden", 6, context.activation("tanh"), true)
                    .connect("input", "hidden", 0)
                    .connect("hidden", "hidden", 1)
                    .group("output", context.outputSize(), context.activation("identity"), true)
                    .connect("hidden", "output", 0)
                    .output("output")
                    .build().network();
            for (Parameters.Block block : network.parameters().blocks()) {
                WeightInit.uniform(block.value(), 0.5, context.random());   // the graph kit leaves weights at zero
            }
            return network;
        }
    }
    // [host-topology]

    // [host-service]
    /** A service of the host's that trains through the injected rnn4j. */
    public static final class ForecastService {
        private final Rnn4j rnn4j;

        @Inject
        public ForecastService(Rnn4j rnn4j) {
            this.rnn4j = rnn4j;
        }

        public TrainingRun retrain(List<double[]> series) {
            InMemoryData data = InMemoryData.builder("host-series", 1, 1);
            for (double[] values : series) {
                double[][] inputs = new double[values.length - 1][];
                double[][] targets = new double[values.length - 1][];
                for (int t = 0; t + 1 < values.length; t++) {
                    inputs[t] = new double[] {values[t]};
                    targets[t] = new double[] {values[t + 1]};
                }
                data.sequence(inputs, targets);
            }
            return rnn4j.train(data.build());
        }
    }
    // [host-service]

    /** Starts the host's injector and retrains once. */
    public static TrainingRun start() {
        // [host-injector]
        Config hostConfig = ConfigFactory.parseString("""
                rnn4j {
                  topology.type = self-loops
                  data.normalize = standard
                  trainer.epochs = 20
                }
                my-host.port = 8080""");
        Injector injector = Guice.createInjector(
                new Rnn4jModule(hostConfig.withOnlyPath("rnn4j")),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        MapBinder.newMapBinder(binder(), String.class, Topology.class)
                                .addBinding("self-loops").to(SelfLoops.class);
                    }
                });
        ForecastService service = injector.getInstance(ForecastService.class);
        // [host-injector]
        return service.retrain(SensorForecast.series(30, 48, 3));
    }
}
