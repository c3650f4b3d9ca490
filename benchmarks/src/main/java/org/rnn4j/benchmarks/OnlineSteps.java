package org.rnn4j.benchmarks;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Trainer;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.loss.MeanSquaredError;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.training.TrainingListener;
import org.rnn4j.api.training.TrainingSession;
import org.rnn4j.api.training.TrainingSetup;
import org.rnn4j.core.Rnn4j;
import org.rnn4j.trainers.AdamOptimizer;
import org.rnn4j.trainers.BpttTrainer;
import org.rnn4j.trainers.RtrlTrainer;
import org.rnn4j.trainers.SnapTrainer;
import org.rnn4j.trainers.UoroTrainer;

/**
 * Time per step of online learning against the network's size: rtrl, snap, uoro (update per step)
 * and truncated BPTT(1, 10), one sequence of temporal XOR, batch 1, Adam, on one thread. A trainer
 * is left out after the size where one step takes longer than 0.2 s, or needs more memory than
 * the JVM may use. Prints one row per size and the slope of each curve (log time against log n)
 * from n = 64 (below it the JIT's warm-up and fixed costs blur the curve) to its last size.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.rnn4j.benchmarks.OnlineSteps [topology]</pre>
 */
public final class OnlineSteps {

    private OnlineSteps() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");  // rtrl's cost warnings, off the table
        String topology = args.length > 0 ? args[0] : "fully-recurrent";
        String[] names = {"rtrl", "snap", "uoro", "bptt(1,10)"};
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        double[][] times = new double[names.length][sizes.length];
        boolean[] stopped = new boolean[names.length];
        System.out.printf(Locale.ROOT, "%s, time per step (batch 1, update per step):%n%6s %10s", topology, "n", "p");
        for (String name : names) {
            System.out.printf(Locale.ROOT, " %12s", name);
        }
        System.out.println();
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            int p = Networks.build(topology, n, 1, 1, "sigmoid").parameters().size();
            System.out.printf(Locale.ROOT, "%6d %10d", n, p);
            for (int t = 0; t < names.length; t++) {
                String shown;
                if (stopped[t]) {
                    times[t][s] = Double.NaN;
                    shown = "-";
                } else {
                    try {
                        times[t][s] = perStep(topology, n, names[t]);
                        shown = format(times[t][s]);
                    } catch (InvalidInputException e) { // more memory than this JVM may use
                        times[t][s] = Double.NaN;
                        shown = "(memory)";
                    }
                }
                stopped[t] |= !(times[t][s] < 0.2);
                System.out.printf(Locale.ROOT, " %12s", shown);
            }
            System.out.println();
        }
        System.out.print("slope of log(time) against log(n), from n = 64 to the last size measured:");
        for (int t = 0; t < names.length; t++) {
            int last = -1;
            for (int s = 0; s < sizes.length; s++) {
                if (!Double.isNaN(times[t][s])) {
                    last = s;
                }
            }
            int first = 2;  // n = 64
            double slope = Math.log(times[t][last] / times[t][first]) / Math.log((double) sizes[last] / sizes[first]);
            System.out.printf(Locale.ROOT, " %s %.2f (n %d-%d);", names[t], slope, sizes[first], sizes[last]);
        }
        System.out.println();
    }

    /** Seconds per step of {@code trainer} on a network of {@code n} units: one warm-up pass, then a timed one of about a second. */
    static double perStep(String topology, int n, String trainer) {
        pass(topology, n, trainer, 20);  // the JIT first
        double warm = pass(topology, n, trainer, 20);
        int steps = (int) Math.max(20, Math.min(20_000, 1.0 / Math.max(warm, 1e-7)));
        return pass(topology, n, trainer, steps);
    }

    private static double pass(String topology, int n, String name, int steps) {
        Network network = Networks.build(topology, n, 1, 1, "sigmoid");
        DataSet xor = Rnn4j.create(ConfigFactory.parseString("rnn4j.data { type = temporal-xor, sequences = 1, length = "
                + steps + " }")).data();
        Sequence sequence = xor.sequences().get(0);
        DataSet data = new DataSet("xor", 1, 1, List.of(sequence), List.of());
        Trainer trainer = switch (name) {
            case "rtrl" -> new RtrlTrainer();
            case "snap" -> new SnapTrainer();
            case "uoro" -> new UoroTrainer();
            default -> new BpttTrainer();
        };
        String settings = name.startsWith("bptt") ? "k1 = 1, k2 = 10" : "update = step, teacher-forcing = false, level = 1";
        var adam = new AdamOptimizer().create(ConfigFactory.parseString(
                "learning-rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8"), network.parameters());
        try (TrainingSession session = trainer.start(new TrainingSetup(ConfigFactory.parseString(settings), network, data,
                new MeanSquaredError(), adam, 1, TrainingListener.NONE))) {
            long start = System.nanoTime();
            session.runEpoch(1, new SplittableRandom(1));
            return (System.nanoTime() - start) / 1e9 / steps;
        }
    }

    private static String format(double seconds) {
        return seconds >= 1e-3 ? String.format(Locale.ROOT, "%.2f ms", seconds * 1e3)
                : String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }
}
