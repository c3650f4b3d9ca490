package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's or a model's task metrics, one aligned line each, as train and eval print them. */
final class Figures {

    private Figures() {
    }

    /**
     * A row of predictions as predict, forecast and stream write it: {@code first} (a step, a time;
     * null for none), then each value to 6 significant digits.
     */
    static String csvRow(String first, double[] values) {
        StringBuilder line = new StringBuilder(first == null ? "" : first);
        for (int k = 0; k < values.length; k++) {
            line.append(k == 0 && first == null ? "" : ",").append(String.format(Locale.ROOT, "%.6g", values[k]));
        }
        return line.toString();
    }

    /** Forecasts' figures per lead time ({@code Model.evaluateHorizon}), a row per lead; nothing when there are none. */
    static void printLeads(PrintWriter out, List<Map<String, Double>> leads) {
        if (leads.isEmpty()) {
            return;
        }
        out.printf("forecasts 1..%d steps ahead from the model's own predictions, from every held-out step:%n", leads.size());
        List<String[]> rows = leadsCsv(leads).lines().map(line -> line.split(",", -1)).toList();
        int[] widths = new int[rows.get(0).length];
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (String[] cells : rows) {
            StringBuilder row = new StringBuilder(" ");
            for (int i = 0; i < cells.length; i++) {
                row.append(' ').append(" ".repeat(widths[i] - cells[i].length())).append(cells[i]);
            }
            out.println(row);
        }
    }

    /** The same figures as CSV: a header {@code lead,forecasts,rmse,…}, then a row per lead time. */
    static String leadsCsv(List<Map<String, Double>> leads) {
        List<String> names = new ArrayList<>(leads.get(0).keySet());
        StringBuilder csv = new StringBuilder("lead,").append(String.join(",", names)).append('\n');
        for (int h = 0; h < leads.size(); h++) {
            csv.append(h + 1);
            for (String name : names) {
                Double value = leads.get(h).get(name);
                csv.append(',').append(value == null ? "" : name.equals("forecasts")
                        ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4f", value));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static void print(PrintWriter out, Map<String, Double> metrics) {
        int width = Math.max(14, metrics.keySet().stream().mapToInt(String::length).max().orElse(0));
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            out.printf("  %-" + width + "s %.5f%n", metric.getKey(), metric.getValue());
        }
    }
}
