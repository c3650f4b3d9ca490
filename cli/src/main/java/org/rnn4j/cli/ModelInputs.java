package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.data.DataSet;
import org.rnn4j.core.Model;
import org.rnn4j.core.Table;

/**
 * A model's inputs, one step per row, from a CSV file: by the model's input names (other
 * columns — dates, ids — are not read), by the names {@code --columns} gives, or every column of
 * a file of unnamed inputs whose count is the model's.
 */
final class ModelInputs {

    private ModelInputs() {
    }

    /** The rows × {@link Model#inputSize()} inputs in {@code input} for {@code model}; {@code columns} may be null. */
    static double[][] read(Model model, Path input, List<String> columns) {
        List<String> wanted = columns != null ? columns : model.inputNames();
        Table header = Table.readCsv(input, List.of());
        boolean byName = columns != null || header.columns().containsAll(wanted);
        if (!byName && header.columns().size() != model.inputSize()) {
            throw new InvalidInputException(input + ": " + header.columns().size() + " input columns, but the model takes "
                    + model.inputSize() + " inputs per step (choose them with --columns)");
        }
        Table table = byName ? Table.readCsv(input, wanted) : Table.readCsv(input);
        int[] indices;
        if (byName) {
            indices = wanted.stream().mapToInt(name -> table.column(name, columns != null ? "--columns" : "the model's inputs"))
                    .toArray();
        } else {
            indices = IntStream.range(0, table.columns().size()).toArray();
            if (!model.inputNames().equals(DataSet.numbered("input", model.inputSize()))) {
                throw new InvalidInputException(input + ": has no column " + String.join(", ", model.inputNames())
                        + " (the model's inputs); name its columns so, or choose them with --columns");
            }
        }
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
        return rows;
    }
}
