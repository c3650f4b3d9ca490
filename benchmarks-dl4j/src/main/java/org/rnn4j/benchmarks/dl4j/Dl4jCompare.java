package org.rnn4j.benchmarks.dl4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Deeplearning4j 1.0.0-M2.1's SimpleRnn on the comparison's workloads (a) and (b), in double
 * precision: median seconds per epoch / batch, printed as lines the comparison's table reads.
 * Run with OMP_NUM_THREADS=1 for one thread, as the other systems.
 */
public final class Dl4jCompare {

    private Dl4jCompare() {
    }

    public static void main(String[] args) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        double[] small = small();
        double[] large = large();
        System.out.printf(Locale.ROOT, "(a) Elman 1-6-1, 300 steps, epoch: Deeplearning4j SimpleRnn %.1f µs, final loss %.4f%n",
                small[0] * 1e6, small[1]);
        System.out.printf(Locale.ROOT, "(b) Elman 64-256-64, 100 steps x 32, batch: Deeplearning4j SimpleRnn %.2f ms, final loss %.4f%n",
                large[0] * 1e3, large[1]);
    }

    private static MultiLayerNetwork network(int in, int hidden, int out, double rate, LossFunctions.LossFunction loss,
                                             Activation output) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.DOUBLE).updater(new Adam(rate)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new SimpleRnn.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(loss).nIn(hidden).nOut(out).activation(output).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** (a): temporal XOR, one sequence of 300 steps, full BPTT, Adam 0.01, MSE on a sigmoid output. */
    static double[] small() {
        Random random = new Random(1);
        double[] bits = new double[303];
        for (int i = 0; i + 2 < bits.length; i += 3) {
            bits[i] = random.nextInt(2);
            bits[i + 1] = random.nextInt(2);
            bits[i + 2] = ((int) bits[i]) ^ ((int) bits[i + 1]);
        }
        INDArray x = Nd4j.create(DataType.DOUBLE, 1, 1, 300);
        INDArray y = Nd4j.create(DataType.DOUBLE, 1, 1, 300);
        for (int t = 0; t < 300; t++) {
            x.putScalar(new int[] {0, 0, t}, bits[t]);
            y.putScalar(new int[] {0, 0, t}, bits[t + 1]);
        }
        MultiLayerNetwork network = network(1, 6, 1, 0.01, LossFunctions.LossFunction.MSE, Activation.SIGMOID);
        return time(network, new DataSet(x, y), 500, 1000);
    }

    /** (b): one-hot inputs of 64 symbols, 32 sequences of 100 steps, Adam 0.001, softmax cross-entropy. */
    static double[] large() {
        Random random = new Random(1);
        INDArray x = Nd4j.create(DataType.DOUBLE, 32, 64, 100);
        INDArray y = Nd4j.create(DataType.DOUBLE, 32, 64, 100);
        for (int s = 0; s < 32; s++) {
            int symbol = random.nextInt(64);
            for (int t = 0; t < 100; t++) {
                x.putScalar(new int[] {s, symbol, t}, 1);
                symbol = random.nextInt(64);
                y.putScalar(new int[] {s, symbol, t}, 1);
            }
        }
        MultiLayerNetwork network = network(64, 256, 64, 0.001, LossFunctions.LossFunction.MCXENT, Activation.SOFTMAX);
        return time(network, new DataSet(x, y), 5, 20);
    }

    private static double[] time(MultiLayerNetwork network, DataSet data, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            network.fit(data);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            network.fit(data);
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return new double[] {times[runs / 2], network.score()};
    }
}
