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
 * series for forecasting the next month. The series is cut into consecutive windows of
 * {@code window} months, each a sequence whose targets are the following months. Train with
 * {@code rnn4j.data.normalize = standard} and an identity output.
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
        int window = new Settings(settings, "rnn4j.data").integer("window", 2, 143);
        double[] series = series();
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
        return new DataSet(name(), 1, 1, sequences, List.of(new RootMeanSquaredError()));
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
