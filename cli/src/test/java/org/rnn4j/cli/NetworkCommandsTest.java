package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code describe} and {@code gradcheck} on every topology. */
final class NetworkCommandsTest {

    @TempDir
    Path folder;



    @ParameterizedTest
    @CsvSource({
        "feedforward, [5]", "feedforward, '[5, 3]'",
        "elman, [5]", "elman, '[5, 3]'",
        "jordan, [5]", "jordan, '[5, 3]'",
        "partially-recurrent, [5]", "partially-recurrent, '[5, 3]'",
        "fully-recurrent, ''"})
    void gradcheckPassesOnEveryTopology(String topology, String hidden) {
        Outcome outcome = hidden.isEmpty()
                ? Outcome.run("gradcheck", "-Drnn4j.topology.type=" + topology)
                : Outcome.run("gradcheck", "-Drnn4j.topology.type=" + topology, "-Drnn4j.topology.hidden=" + hidden);
        assertEquals(0, outcome.status(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("all checks passed"), outcome.out());
        for (String check : new String[] {"backward", "stateJacobian", "parameterJacobian", "sensitivity", "rtrl = bptt"}) {
            assertTrue(outcome.out().contains(check), outcome.out());
        }
    }

    @Test
    void gradcheckPassesOnSelfFeedbackAndFailsOnAWrongDerivative() {
        assertEquals(0, Outcome.run("gradcheck", "-Drnn4j.topology.type=partially-recurrent", "-Drnn4j.topology.recurrence=self").status());
        Outcome broken = Outcome.run("gradcheck", "-Drnn4j.topology.type=broken-for-test");
        assertEquals(1, broken.status(), broken.out() + broken.err());
        assertTrue(broken.out().contains("backward") && broken.out().contains("(output.bias) FAILED"), broken.out());
        assertTrue(broken.out().contains("some checks FAILED"), broken.out());
    }

    @Test
    void describeListsGroupsAndConnectionsWithDelaysAndParameterCounts() {
        Outcome outcome = Outcome.run("describe", "-Drnn4j.topology.hidden=[6, 4]");
        assertEquals(0, outcome.status(), outcome.err());
        String out = outcome.out();
        assertTrue(out.startsWith("elman: 1 input, 1 output, state of 10 values, 97 parameters"), out);
        assertTrue(out.contains("context1     6 units    context cells (previous values)"), out);
        assertTrue(out.matches("(?s).*hidden1\\[t-1\\]->context1 +hidden1 +-> context1 +delay 1 +fixed copy +0 parameters.*"), out);
        assertTrue(out.matches("(?s).*context2->hidden2 +context2 +-> hidden2 +delay 0 +full, recurrent +16 parameters.*"), out);
    }

    @Test
    void describeDrawsContextCellsAsNodesAndDelayedConnectionsDashed() throws IOException, InterruptedException {
        Path dot = folder.resolve("jordan.dot");
        Outcome outcome = Outcome.run("describe", "--dot", dot.toString(), "-Drnn4j.topology.type=jordan");
        assertEquals(0, outcome.status(), outcome.err());
        String drawing = Files.readString(dot);
        assertTrue(drawing.startsWith("digraph \"jordan\" {"), drawing);
        assertTrue(drawing.contains("\"context\" [label=\"context\\n1 context cell\""), drawing);
        assertTrue(drawing.contains("\"output\" -> \"context\" [label=\"copy (t-1)\", style=dashed"), drawing);
        assertTrue(drawing.contains("\"context\" -> \"context\" [label=\"x 0.5 (t-1)\", style=dashed"), drawing);
        assertTrue(drawing.contains("\"input\" -> \"hidden1\" [label=\"8 weights\"]"), drawing);

        // The rendering itself needs Graphviz (Debian: graphviz); without it only this part is skipped.
        if (onPath("dot")) {
            Path png = folder.resolve("jordan.png");
            Process render = new ProcessBuilder("dot", "-Tpng", dot.toString(), "-o", png.toString())
                    .redirectErrorStream(true).start();
            assertTrue(render.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, render.exitValue(), new String(render.getInputStream().readAllBytes()));
            byte[] header = Files.readAllBytes(png);
            assertTrue(header.length > 8 && header[1] == 'P' && header[2] == 'N' && header[3] == 'G', "a PNG file");
        }
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void describeAndTheDrawingShowADelayOfThreeAsItsChainOfContextCopies() {
        org.rnn4j.api.network.Network network = org.rnn4j.api.graph.LayerGraph.builder(1)
                .group("out", 1, new org.rnn4j.api.activation.Identity(), true)
                .connect("input", "out", 3)
                .output("out")
                .build().network();
        String text = NetworkDescription.text("delayed", network);
        assertTrue(text.contains("input[t-1]") && text.contains("input[t-2]"), text);
        assertTrue(text.contains("input[t-3]->out"), text);
        String dot = NetworkDescription.dot("delayed", network);
        assertTrue(dot.contains("\"input[t-2]\""), dot);
    }
}
