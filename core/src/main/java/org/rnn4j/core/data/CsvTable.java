package org.rnn4j.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.api.InvalidInputException;

/**
 * A CSV file of numbers with a header row, read strictly: every bad cell — not a number, NaN,
 * infinite — and every row with the wrong number of cells is refused with the file, line and
 * column named. Cells are separated by commas; surrounding spaces are ignored; blank lines and
 * lines starting with {@code #} are skipped.
 *
 * @param file    where it came from, for messages
 * @param columns the header's column names
 * @param rows    the values, one array per data row
 * @param lines   the line number (from 1) of each data row, for messages
 * @param labels  the cells of the label column asked for (a date, say), as text, one per data row;
 *                empty when none was asked for
 */
public record CsvTable(String file, List<String> columns, List<double[]> rows, int[] lines, List<String> labels) {

    /** Reads {@code file}; {@code textColumns} may hold non-numbers (read as NaN, such as a sequence id). */
    public static CsvTable read(Path file, List<String> textColumns) {
        return read(file, textColumns::contains);
    }

    /**
     * Reads {@code file}, parsing only {@code numericColumns} as numbers: every other column (a date,
     * an id, a comment) is read as NaN, whatever it holds.
     */
    public static CsvTable readNumeric(Path file, java.util.Collection<String> numericColumns) {
        return readNumeric(file, numericColumns, null, null);
    }

    /**
     * As {@link #readNumeric(Path, java.util.Collection)}, keeping the cells of {@code labelColumn}
     * as text ({@link #labels()}); {@code key} names what asked for it in the error when it is missing.
     */
    public static CsvTable readNumeric(Path file, java.util.Collection<String> numericColumns, String labelColumn,
                                       String key) {
        return read(file, column -> !numericColumns.contains(column), labelColumn, key);
    }

    private static CsvTable read(Path file, java.util.function.Predicate<String> text) {
        return read(file, text, null, null);
    }

    private static CsvTable read(Path file, java.util.function.Predicate<String> text, String label, String key) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), text, label, key);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file", e);
        } catch (MalformedInputException e) {
            throw new InvalidInputException(file + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The longest line a CSV file may have, in characters. */
    public static final int MAX_LINE = 16 << 20;

    /** Reads CSV text from {@code reader}; {@code name} names it in messages. */
    public static CsvTable read(Reader reader, String name, List<String> textColumns) throws IOException {
        return read(reader, name, textColumns::contains, null, null);
    }

    private static CsvTable read(Reader reader, String name, java.util.function.Predicate<String> text, String label,
                                 String key) throws IOException {
        BoundedLines lines = new BoundedLines(new BufferedReader(reader), name, MAX_LINE);
        List<String> header = null;
        int labelIndex = -1;
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            int number = lines.number();
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (header == null) {
                header = Arrays.stream(cells).map(String::strip).toList();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).isEmpty()) {
                        throw new InvalidInputException(name + ":" + number + ": the header's column " + (i + 1) + " has no name");
                    }
                    if (header.indexOf(header.get(i)) != i) {
                        throw new InvalidInputException(name + ":" + number + ": the header names column '" + clip(header.get(i))
                                + "' twice");
                    }
                }
                if (label != null) {
                    labelIndex = header.indexOf(label);
                    if (labelIndex < 0) {
                        throw new InvalidInputException(name + ": has no column '" + clip(label) + "' (asked for by " + key
                                + "); its columns are " + clip(String.join(", ", header)));
                    }
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new InvalidInputException(name + ":" + number + ": " + cells.length + " cells, but the header has "
                        + header.size() + " columns");
            }
            double[] values = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].strip();
                if (text.test(header.get(i))) {
                    values[i] = Double.NaN;
                    continue;
                }
                values[i] = parse(cell, name, number, header.get(i));
            }
            rows.add(values);
            numbers.add(number);
            if (labelIndex >= 0) {
                labels.add(cells[labelIndex].strip());
            }
        }
        if (header == null) {
            throw new InvalidInputException(name + ": empty; expected a header row and data rows");
        }
        return new CsvTable(name, header, rows, numbers.stream().mapToInt(Integer::intValue).toArray(), labels);
    }

    private static final java.util.Set<String> NOT_FINITE = java.util.Set.of("nan", "inf", "+inf", "-inf", "infinity",
            "+infinity", "-infinity", "na", "n/a", "null");

    /** A decimal number as data files write them: no Java suffixes (1d, 2f) or hexadecimal (0x1p1). */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static double parse(String cell, String name, int line, String column) {
        return number(cell, name + ":" + line + ": column '" + clip(column) + "'");
    }

    /**
     * A data cell as a finite decimal number; {@code where} ("file.csv:3: column 'x'") starts the
     * message of a refusal, which quotes at most 80 characters of the cell.
     */
    public static double number(String cell, String where) {
        if (cell.isEmpty()) {
            throw new InvalidInputException(where + " is empty; every cell needs a number");
        }
        if (NOT_FINITE.contains(cell.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidInputException(where + " holds " + clip(cell) + "; values must be finite numbers");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new InvalidInputException(where + " holds '" + clip(cell) + "', not a number");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(where + " holds " + clip(cell) + "; values must be finite numbers");
        }
        return value;
    }

    private static String clip(String text) {
        return InvalidInputException.quote(text);
    }

    /** The index of column {@code name}, or an error listing the columns. */
    public int column(String name, String key) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException(file + ": has no column '" + clip(name) + "' (asked for by " + key
                    + "); its columns are " + clip(String.join(", ", columns)));
        }
        return index;
    }
}
