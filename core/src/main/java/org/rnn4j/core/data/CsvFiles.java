package org.rnn4j.core.data;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.DataSource;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.Settings;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.api.data.Sequence;

/**
 * {@code csv}: users' sequences from CSV files with a header row. Each file is one sequence, or,
 * with {@code sequence-column}, holds several told apart by that column (rows of one sequence
 * together, in order). {@code inputs} and {@code targets} name the columns; with
 * {@code forecast = true} the targets are the inputs' next step (the last step of each sequence
 * then has no target). Relative paths are relative to the run file's folder.
 */
public final class CsvFiles implements DataSource {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "your sequences from CSV files (header row; a file per sequence or a sequence-id column)";
    }

    @Override
    public DataSet load(Config settings, RandomGenerator random) {
        Settings read = new Settings(settings, "rnn4j.data");
        List<Path> files = files(settings, read);
        String idColumn = read.string("sequence-column");
        List<String> inputs = strings(settings, read, "inputs");
        List<String> targets = strings(settings, read, "targets");
        boolean forecast = read.flag("forecast");
        if (inputs.isEmpty()) {
            throw read.invalid("inputs", "name at least one input column");
        }
        if (!forecast && targets.isEmpty()) {
            throw read.invalid("targets", "name at least one target column, or set forecast = true");
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Path file : files) {
            // The columns it needs, by name; any other (a date, an id) is not read as a number.
            java.util.Set<String> numeric = new java.util.HashSet<>(inputs);
            numeric.addAll(targets);
            CsvTable table = CsvTable.readNumeric(file, numeric);
            int[] in = inputs.stream().mapToInt(c -> table.column(c, "rnn4j.data.inputs")).toArray();
            int[] out = forecast ? in : targets.stream().mapToInt(c -> table.column(c, "rnn4j.data.targets")).toArray();
            for (List<Integer> rows : groups(file, table, idColumn)) {
                sequences.add(sequence(table, rows, in, out, forecast));
            }
        }
        if (sequences.isEmpty()) {
            throw new InvalidInputException(files.get(0) + ": no data rows; the data set is empty");
        }
        return new DataSet(name(), inputs.size(), forecast ? inputs.size() : targets.size(), sequences,
                List.of(new RootMeanSquaredError()), inputs, forecast ? inputs : targets);
    }

    @Override
    public boolean isSeries(Config settings) {
        return settings.hasPath("forecast") && settings.getValue("forecast").unwrapped() instanceof Boolean b && b;
    }

    private static Sequence sequence(CsvTable table, List<Integer> rows, int[] in, int[] out, boolean forecast) {
        int steps = rows.size();
        DMatrixRMaj inputs = new DMatrixRMaj(steps, in.length);
        DMatrixRMaj targets = new DMatrixRMaj(steps, out.length);
        boolean[] hasTarget = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            double[] row = table.rows().get(rows.get(t));
            for (int i = 0; i < in.length; i++) {
                inputs.set(t, i, row[in[i]]);
            }
            int targetRow = forecast ? t + 1 : t;
            if (targetRow < steps) {
                double[] target = table.rows().get(rows.get(targetRow));
                for (int k = 0; k < out.length; k++) {
                    targets.set(t, k, target[out[k]]);
                }
                hasTarget[t] = true;
            }
        }
        return new Sequence(inputs, targets, hasTarget);
    }

    /** Row indices of each sequence of {@code table}: all rows, or grouped by the id column, in order of first appearance. */
    private static List<List<Integer>> groups(Path file, CsvTable table, String idColumn) {
        if (table.rows().isEmpty()) {
            return List.of();
        }
        if (idColumn.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < table.rows().size(); i++) {
                all.add(i);
            }
            return List.of(all);
        }
        table.column(idColumn, "rnn4j.data.sequence-column");
        List<String> ids = ids(file, table, idColumn);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        String previous = null;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!id.equals(previous) && groups.containsKey(id)) {
                throw new InvalidInputException(file + ":" + table.lines()[i] + ": sequence '" + id
                        + "' continues after other sequences; keep each sequence's rows together");
            }
            groups.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            previous = id;
        }
        return new ArrayList<>(groups.values());
    }

    /** The id column's text, read again from the file (CsvTable keeps numbers only). */
    private static List<String> ids(Path file, CsvTable table, String idColumn) {
        int column = table.columns().indexOf(idColumn);
        List<String> ids = new ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                ids.add(trimmed.split(",", -1)[column].strip());
            }
        } catch (java.io.IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return ids.subList(1, ids.size());
    }

    private static List<Path> files(Config settings, Settings read) {
        List<String> names = strings(settings, read, "files");
        if (names.isEmpty()) {
            throw read.invalid("files", "name at least one CSV file");
        }
        ConfigValue value = settings.getValue("files");
        Path base = value.origin().filename() == null ? Path.of("") : Path.of(value.origin().filename()).toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path path = Path.of(name);
            files.add(path.isAbsolute() || base == null ? path : base.resolve(path));
        }
        return files;
    }

    private static List<String> strings(Config settings, Settings read, String key) {
        try {
            return settings.getStringList(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw read.invalid(key, "expected a list of names like [\"a\", \"b\"]");
        }
    }
}
