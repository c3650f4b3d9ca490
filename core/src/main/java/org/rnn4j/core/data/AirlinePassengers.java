package org.rnn4j.core.data;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.Settings;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/**
 * {@code airline-passengers}: the monthly totals of international airline passengers, January
 * 1949 to December 1960, in thousands (Box and Jenkins' series G, 144 values) — a small real
 * series for forecasting the next month: one sequence whose targets are the following months
 * ({@code window = 0}, held out by its last months), or consecutive windows of {@code window}
 * months. Train with {@code rnn4j.data.normalize = standard} and an identity output.
 */
public final class AirlinePassengers implements DataSource {

    @Override
    public String name() {
        return "airline-passengers";
    }

    @Override
    public String description() {
        return "monthly airline passengers 1949-1960 (Box & Jenkins), forecast the next month";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        int window = new Settings(settings, "rnn4j.data").integer("window", 0, 143);
        double[] series = series();
        if (window == 0) {
            window = series.length - 1;
        } else if (window == 1) {
            throw new Settings(settings, "rnn4j.data").invalid("window", "expected 0 (the whole series) or 2 to 143, got 1");
        }
        List<Sequence> sequences = new ArrayList<>();
        for (int start = 0; start + window < series.length; start += window) {
            DMatrixRMaj inputs = new DMatrixRMaj(window, 1);
            DMatrixRMaj targets = new DMatrixRMaj(window, 1);
            for (int t = 0; t < window; t++) {
                inputs.set(t, 0, series[start + t]);
                targets.set(t, 0, series[start + t + 1]);
            }
            sequences.add(new Sequence(inputs, targets));
        }
        return new DataSet(name(), 1, 1, sequences, List.of(new RootMeanSquaredError()), List.of("passengers"),
                List.of("next-passengers"));
    }

    @Override
    public boolean isSeries(Config settings) {
        return true;
    }

    /** The 144 monthly values. */
    static double[] series() {
        try (Reader reader = new InputStreamReader(AirlinePassengers.class.getResourceAsStream("airline-passengers.csv"),
                StandardCharsets.UTF_8)) {
            CsvTable table = CsvTable.read(reader, "airline-passengers.csv", List.of("month"));
            int column = table.column("passengers", "airline-passengers");
            return table.rows().stream().mapToDouble(row -> row[column]).toArray();
        } catch (IOException e) {
            throw new IllegalStateException("the embedded airline series cannot be read", e);
        }
    }
}
