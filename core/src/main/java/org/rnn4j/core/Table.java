package org.rnn4j.core;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.data.CsvTable;

/**
 * A CSV file of numbers with a header row, read as the {@code csv} data source reads one: for
 * predicting with a {@link Model} from a file.
 */
public final class Table {

    private final CsvTable table;

    private Table(CsvTable table) {
        this.table = table;
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidInputException naming the file and line of a cell that is not a finite number
     */
    public static Table readCsv(Path file) {
        return new Table(CsvTable.read(file, List.of()));
    }

    /** The header's column names. */
    public List<String> columns() {
        return table.columns();
    }

    /** One array per data row, in file order. */
    public List<double[]> rows() {
        return table.rows();
    }

    /** The index of column {@code name}, or an error naming the file, {@code option} and the columns there are. */
    public int column(String name, String option) {
        return table.column(name, option);
    }
}
