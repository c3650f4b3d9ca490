package org.rnn4j.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.core.data.BoundedLines;
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

    /** Reads {@code file}, parsing only {@code numericColumns}; the others (a date, an id) are NaN whatever they hold. */
    public static Table readCsv(Path file, java.util.Collection<String> numericColumns) {
        return new Table(CsvTable.readNumeric(file, numericColumns));
    }

    /**
     * Reads {@code file} as {@link #readCsv(Path, java.util.Collection)} does, keeping the cells of
     * {@code labelColumn} (a date, an id) as text: {@link #labels()}. {@code option} names what asked
     * for it, in the error when the file has no such column.
     */
    public static Table readCsv(Path file, java.util.Collection<String> numericColumns, String labelColumn, String option) {
        return new Table(CsvTable.readNumeric(file, numericColumns, labelColumn, option));
    }

    /** The label column's cells, one per data row, when one was asked for; else empty. */
    public List<String> labels() {
        return table.labels();
    }

    /** The header's column names. */
    public List<String> columns() {
        return table.columns();
    }

    /** One array per data row, in file order. */
    public List<double[]> rows() {
        return table.rows();
    }

    /**
     * A data cell as a finite decimal number, as CSV files are read: no Java forms ({@code 1d},
     * {@code 0x1p1}), no NaN or infinity.
     *
     * @param where what starts the message of a refusal ("stdin:3: value 2"); it quotes at most
     *              80 characters of the cell
     */
    public static double number(String cell, String where) {
        return CsvTable.number(cell, where);
    }

    /**
     * The lines of {@code in} (called {@code name} in messages), each refused in one line once it
     * passes {@code maxChars} characters — for reading a stream that may never send a line break.
     */
    public static Lines lines(Reader in, String name, int maxChars) {
        return new Lines(new BoundedLines(in, name, maxChars));
    }

    /** Bounded lines of text; a UTF-8 byte-order mark before the first is dropped. */
    public static final class Lines {
        private final BoundedLines lines;

        private Lines(BoundedLines lines) {
            this.lines = lines;
        }

        /** The next line without its end, or null at the end of the input. */
        public String next() throws IOException {
            return lines.next();
        }

        /** The number of the line last read, from 1. */
        public int number() {
            return lines.number();
        }
    }

    /** The index of column {@code name}, or an error naming the file, {@code option} and the columns there are. */
    public int column(String name, String option) {
        return table.column(name, option);
    }
}
