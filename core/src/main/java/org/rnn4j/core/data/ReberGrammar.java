package org.rnn4j.core.data;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;
import org.rnn4j.api.data.TaskMetric;

/**
 * The Reber grammar (Reber 1967; Cleeremans, Servan-Schreiber and McClelland 1989) and its
 * embedded form (Fahlman 1991; Hochreiter and Schmidhuber 1997), as next-symbol prediction:
 * symbols one-hot over {@value #SYMBOLS}, the input is a string's symbol, the target the next
 * one. Several symbols may legally follow; a prediction is right when its most active output is
 * one of them.
 */
final class ReberGrammar {

    /** The alphabet, in the order of the one-hot columns. */
    static final String SYMBOLS = "BTPSXVE";

    /** Transitions: for each node, pairs of (symbol, next node); node 6 emits E and ends. */
    private static final int[][][] EDGES = {
        {{'B', 1}},
        {{'T', 2}, {'P', 3}},
        {{'S', 2}, {'X', 4}},
        {{'T', 3}, {'V', 5}},
        {{'X', 3}, {'S', 6}},
        {{'P', 4}, {'V', 6}},
        {{'E', -1}},
    };

    private ReberGrammar() {
    }

    /** A string and, for each of its symbols, the set (bit mask over SYMBOLS) of symbols that may follow it. */
    record Text(String symbols, int[] legalNext) {
    }

    /** A random Reber string. */
    static Text reber(RandomGenerator random) {
        StringBuilder text = new StringBuilder();
        List<Integer> legal = new ArrayList<>();
        int node = 0;
        while (node >= 0) {
            int[][] edges = EDGES[node];
            int[] edge = edges[edges.length == 1 ? 0 : random.nextInt(edges.length)];
            text.append((char) edge[0]);
            node = edge[1];
            int mask = 0;
            if (node >= 0) {
                for (int[] next : EDGES[node]) {
                    mask |= bit((char) next[0]);
                }
            }
            legal.add(mask);
        }
        return new Text(text.toString(), legal.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A random embedded Reber string: B, T or P, a Reber string, the same T or P, E. */
    static Text embedded(RandomGenerator random) {
        char branch = random.nextBoolean() ? 'T' : 'P';
        Text inner = reber(random);
        String symbols = "B" + branch + inner.symbols() + branch + "E";
        int[] legal = new int[symbols.length()];
        legal[0] = bit('T') | bit('P');
        legal[1] = bit('B');
        System.arraycopy(inner.legalNext(), 0, legal, 2, inner.legalNext().length);
        legal[1 + inner.symbols().length()] = bit(branch);
        legal[2 + inner.symbols().length()] = bit('E');
        legal[symbols.length() - 1] = 0;
        return new Text(symbols, legal);
    }

    static int bit(char symbol) {
        return 1 << SYMBOLS.indexOf(symbol);
    }

    /** {@code rnn4j.data.sequences} strings drawn by {@code generator}, as next-symbol prediction data. */
    static DataSet load(String name, com.typesafe.config.Config settings, RandomGenerator random,
                        java.util.function.Function<RandomGenerator, Text> generator) {
        int count = new org.rnn4j.api.Settings(settings, "rnn4j.data").integer("sequences", 1, Integer.MAX_VALUE);
        DataSize.require(count, 10, 14); // strings of the grammar: ten symbols or so, one-hot in and out
        List<Text> texts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            texts.add(generator.apply(random));
        }
        return dataSet(name, texts);
    }

    /** Next-symbol prediction data over {@code texts}, with the legal-prediction metrics. */
    static DataSet dataSet(String name, List<Text> texts) {
        int width = SYMBOLS.length();
        List<Sequence> sequences = new ArrayList<>();
        Map<Sequence, int[]> legal = new IdentityHashMap<>();
        for (Text text : texts) {
            int steps = text.symbols().length() - 1;
            DMatrixRMaj inputs = new DMatrixRMaj(steps, width);
            DMatrixRMaj targets = new DMatrixRMaj(steps, width);
            for (int t = 0; t < steps; t++) {
                inputs.set(t, SYMBOLS.indexOf(text.symbols().charAt(t)), 1);
                targets.set(t, SYMBOLS.indexOf(text.symbols().charAt(t + 1)), 1);
            }
            Sequence sequence = new Sequence(inputs, targets);
            sequences.add(sequence);
            legal.put(sequence, text.legalNext());
        }
        return new DataSet(name, width, width, sequences, List.of(new Legal("legal-strings", legal, true),
                new Legal("legal-steps", legal, false)));
    }

    /**
     * Share of strings ({@code wholeStrings}) or of steps whose predictions are legal: the most
     * active output is a symbol that may follow.
     */
    private record Legal(String name, Map<Sequence, int[]> legal, boolean wholeStrings) implements TaskMetric {
        @Override
        public double evaluate(List<Sequence> sequences, List<DMatrixRMaj> predictions) {
            long good = 0;
            long all = 0;
            for (int s = 0; s < sequences.size(); s++) {
                int[] masks = legal.get(sequences.get(s));
                DMatrixRMaj prediction = predictions.get(s);
                boolean stringGood = true;
                for (int t = 0; t < prediction.numRows; t++) {
                    int best = 0;
                    for (int k = 1; k < prediction.numCols; k++) {
                        if (prediction.get(t, k) > prediction.get(t, best)) {
                            best = k;
                        }
                    }
                    boolean ok = (masks[t] & (1 << best)) != 0;
                    stringGood &= ok;
                    if (!wholeStrings) {
                        all++;
                        good += ok ? 1 : 0;
                    }
                }
                if (wholeStrings) {
                    all++;
                    good += stringGood ? 1 : 0;
                }
            }
            return all == 0 ? Double.NaN : (double) good / all;
        }
    }
}
