package org.rnn4j.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.activation.Identity;
import org.rnn4j.api.network.Network;
import org.rnn4j.api.network.Unrolled;

/** A window's sums start from the bias on every row of every step, however many rows it has. */
final class WindowSumsTest {

    /**
     * 13 rows × 200 steps of a group of 7 units — 18,200 sums, several times what the bias fill copies at once,
     * in a width that does not divide it: each output is exactly b + (0 + w·x), the kernels' sum.
     */
    @Test
    void everyRowOfEveryStepStartsFromTheBias() {
        Network network = LayerGraph.builder(1)
                .group("out", 7, new Identity(), true)
                .connect("input", "out", 0)
                .output("out")
                .build()
                .network();
        SplittableRandom random = new SplittableRandom(5);
        double[] bias = network.parameters().get("out.bias").data;
        double[] weight = network.parameters().get("input->out").data;
        for (int i = 0; i < 7; i++) {
            bias[i] = random.nextDouble(-1, 1);
            weight[i] = random.nextDouble(-1, 1);
        }
        int rows = 13;
        int steps = 200;
        List<DMatrixRMaj> inputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj x = new DMatrixRMaj(rows, 1);
            for (int r = 0; r < rows; r++) {
                x.data[r] = random.nextDouble(-1, 1);
            }
            inputs.add(x);
        }
        Unrolled window = network.unroll(rows, steps);
        window.forward(new DMatrixRMaj(rows, network.stateSize()), inputs);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj output = window.output(t);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < 7; i++) {
                    double expected = bias[i] + (0.0 + inputs.get(t).data[r] * weight[i]);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(output.get(r, i)),
                            "step " + t + ", row " + r + ", unit " + i);
                }
            }
        }
    }
}
