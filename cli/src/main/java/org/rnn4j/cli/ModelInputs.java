package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.core.Model;
import org.rnn4j.core.Table;

/**
 * A model's inputs, one step per row, from a CSV file: by the model's input names (other
 * columns — dates, ids — are not read), by the names {@code --columns} gives, or every column of
 * a file of unnamed inputs whose count is the model's; with {@code --time-column}, that column's
 * cells as text, to label the output rows.
 *
 * @param inputs rows × {@link Model#inputSize()}
 * @param times  the time column's cells, one per row, or null when none was asked for
 */
record ModelInputs(double[][] inputs, List<String> times) {

    /** Reads {@code input} for {@code model}; {@code columns} and {@code timeColumn} may be null. */
    static ModelInputs read(Model model, Path input, List<String> columns, String timeColumn) {
        List<String> wanted = columns != null ? columns : model.inputNames();
        if (timeColumn != null && wanted.contains(timeColumn)) {
            throw new InvalidInputException("--time-column: '" + InvalidInputException.quote(timeColumn) + "' is one of the"
                    + " model's inputs; name the column that labels the rows");
        }
        List<String> header = Table.readCsv(input, List.of()).columns().stream()
                .filter(column -> !column.equals(timeColumn)).toList();
        boolean byName = columns != null || header.containsAll(wanted);
        if (!byName && !model.inputNames().equals(DataSet.numbered("input", model.inputSize()))) {
            throw new InvalidInputException(input + ": has no column " + String.join(", ", model.inputNames())
                    + " (the model's inputs); name its columns so, or choose them with --columns");
        }
        if (!byName && header.size() != model.inputSize()) {
            throw new InvalidInputException(input + ": " + header.size() + " input columns, but the model takes "
                    + model.inputSize() + " inputs per step (choose them with --columns)");
        }
        List<String> read = byName ? wanted : header;
        Table table = Table.readCsv(input, read, timeColumn, "--time-column");
        int[] indices = read.stream()
                .mapToInt(name -> table.column(name, columns != null ? "--columns" : "the model's inputs")).toArray();
        if (indices.length != model.inputSize()) {
            throw new InvalidInputException(input + ": " + indices.length + " input columns, but the model takes "
                    + model.inputSize() + " inputs per step" + (columns == null ? " (choose them with --columns)" : ""));
        }
        double[][] rows = new double[table.rows().size()][indices.length];
        for (int row = 0; row < rows.length; row++) {
            double[] values = table.rows().get(row);
            for (int i = 0; i < indices.length; i++) {
                rows[row][i] = values[indices[i]];
            }
        }
        return new ModelInputs(rows, timeColumn == null ? null : table.labels());
    }
}
