package org.rnn4j.core.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * NumPy's {@code .npy} format, version 1.0, for 2-D arrays of little-endian doubles in C order:
 * what {@code numpy.load} reads and {@code numpy.save} writes for a float64 matrix.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<f8', 'fortran_order': False, 'shape': \\((\\d{1,10}), (\\d{1,10})\\), \\}\\s*");

    /** The most bytes before an array's data: the magic string, the version, the length and a header of up to 65,535 bytes. */
    static final int MAX_HEADER = 10 + 65_535;

    /** An array that is not what the format allows; the message names it. */
    static final class FormatException extends RuntimeException {
        FormatException(String message) {
            super(message);
        }
    }

    private Npy() {
    }

    static byte[] write(DMatrixRMaj matrix) {
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + matrix.numRows + ", " + matrix.numCols + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dictionary.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dictionary + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(unpadded + padding + 8 * matrix.getNumElements());
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        out.write(headerBytes.length & 0xff);
        out.write(headerBytes.length >>> 8);
        out.writeBytes(headerBytes);
        ByteBuffer data = ByteBuffer.allocate(8 * matrix.getNumElements()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < matrix.getNumElements(); i++) {
            data.putDouble(matrix.data[i]);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** Reads a 2-D float64 array; {@code what} names it in errors. */
    static DMatrixRMaj read(byte[] bytes, String what) {
        if (bytes.length < 10) {
            throw new FormatException(what + " is not a .npy array (too short)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new FormatException(what + " is not a .npy array");
            }
        }
        if (bytes[6] != 1) {
            throw new FormatException(what + " is .npy version " + bytes[6] + "." + bytes[7] + "; version 1.0 is expected");
        }
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (10 + headerLength > bytes.length) {
            throw new FormatException(what + " is truncated");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new FormatException(what + " is not a 2-D little-endian float64 array in C order: "
                    + ModelReader.clip(header.strip()));
        }
        long rows = Long.parseLong(matcher.group(1));
        long cols = Long.parseLong(matcher.group(2));
        long data = bytes.length - 10L - headerLength;
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE || rows * cols * 8 != data) {
            throw new FormatException(what + " has " + data + " bytes of data, but its header says " + rows + "x" + cols);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 10 + headerLength, (int) data).order(ByteOrder.LITTLE_ENDIAN);
        DMatrixRMaj matrix = new DMatrixRMaj((int) rows, (int) cols);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = buffer.getDouble();
        }
        return matrix;
    }
}
