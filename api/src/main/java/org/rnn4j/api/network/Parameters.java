package org.rnn4j.api.network;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A network's parameter vector θ, as named blocks (weight matrices, bias vectors) that together
 * make one flat vector of {@link #size()} values: block after block, each block row-major.
 *
 * <p>The block matrices are the live parameters: networks compute with them and trainers update
 * them in place. A gradient is a {@code Parameters} of the same layout ({@link #zerosLike()}).
 */
public final class Parameters {

    /**
     * One named block and where it starts in the flat vector.
     *
     * @param decays whether weight decay ({@code rnn4j.trainer.weight-decay}) applies to it: yes for
     *               weights, no for biases — declared by the network, never inferred from the name
     */
    public record Block(String name, int offset, DMatrixRMaj value, boolean decays) {
        public Block {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        /** A block weight decay applies to. */
        public Block(String name, int offset, DMatrixRMaj value) {
            this(name, offset, value, true);
        }

        /** Number of values in this block. */
        public int size() {
            return value.getNumElements();
        }
    }

    private final List<Block> blocks;
    private final Map<String, Block> byName;
    private final int size;

    private Parameters(List<Block> blocks) {
        this.blocks = Collections.unmodifiableList(blocks);
        Map<String, Block> names = new LinkedHashMap<>();
        int total = 0;
        for (Block block : blocks) {
            total += block.size();
            names.put(block.name(), block);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.size = total;
    }

    /** Starts a parameter layout. */
    public static Builder builder() {
        return new Builder();
    }

    /** The blocks in flat order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The block of that name. */
    public DMatrixRMaj get(String name) {
        Block block = byName.get(name);
        if (block == null) {
            throw new IllegalArgumentException("no parameter block '" + name + "'; blocks are " + byName.keySet());
        }
        return block.value();
    }

    /** The block of that name with its offset. */
    public Block block(String name) {
        get(name);
        return byName.get(name);
    }

    /** p, the length of the flat vector. */
    public int size() {
        return size;
    }

    /** A new set of the same layout, all zeros. */
    public Parameters zerosLike() {
        Builder builder = builder();
        for (Block block : blocks) {
            builder.add(block.name(), block.value().numRows, block.value().numCols, block.decays());
        }
        return builder.build();
    }

    /** A deep copy. */
    public Parameters copy() {
        Parameters copy = zerosLike();
        copy.setFrom(this);
        return copy;
    }

    /** Sets every value to zero. */
    public void zero() {
        for (int i = 0; i < blocks.size(); i++) {  // by index: trainers call this every step, and an iterator is an allocation
            blocks.get(i).value().zero();
        }
    }

    /** Copies the values of {@code other}, which must have the same layout. */
    public void setFrom(Parameters other) {
        checkSameLayout(other);
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).value().setTo(other.blocks.get(i).value());
        }
    }

    /** Writes the flat vector θ into {@code flat[0..size)}. */
    public void flatten(double[] flat) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            System.arraycopy(block.value().data, 0, flat, block.offset(), block.size());
        }
    }

    /** Sets the values from the flat vector {@code flat[0..size)}. */
    public void unflatten(double[] flat) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            System.arraycopy(flat, block.offset(), block.value().data, 0, block.size());
        }
    }

    /** The flat vector θ as a new array. */
    public double[] toArray() {
        double[] flat = new double[size];
        flatten(flat);
        return flat;
    }

    private void checkSameLayout(Parameters other) {
        if (other.blocks.size() != blocks.size()) {
            throw new IllegalArgumentException("parameter layouts differ: " + this + " vs " + other);
        }
        for (int i = 0; i < blocks.size(); i++) {
            DMatrixRMaj a = blocks.get(i).value();
            DMatrixRMaj b = other.blocks.get(i).value();
            if (a.numRows != b.numRows || a.numCols != b.numCols) {
                throw new IllegalArgumentException("parameter layouts differ: " + this + " vs " + other);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Parameters[");
        for (Block block : blocks) {
            if (text.length() > "Parameters[".length()) {
                text.append(", ");
            }
            text.append(block.name()).append(' ').append(block.value().numRows).append('x').append(block.value().numCols);
        }
        return text.append(']').toString();
    }

    /** Lays out blocks in the order they are added. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private int offset;

        private Builder() {
        }

        /** Adds a zero block of {@code rows × cols} that weight decay applies to (a weight matrix); names must be unique. */
        public Builder add(String name, int rows, int cols) {
            return add(name, rows, cols, true);
        }

        /**
         * Adds a zero block of {@code rows × cols}; {@code decays}: whether weight decay applies to
         * it (false for biases and other offsets).
         */
        public Builder add(String name, int rows, int cols, boolean decays) {
            for (Block block : blocks) {
                if (block.name().equals(name)) {
                    throw new IllegalArgumentException("parameter block '" + name + "' added twice");
                }
            }
            if (rows <= 0 || cols <= 0) {
                throw new IllegalArgumentException("parameter block '" + name + "' must not be empty: " + rows + "x" + cols);
            }
            blocks.add(new Block(name, offset, new DMatrixRMaj(rows, cols), decays));
            offset += rows * cols;
            return this;
        }

        public Parameters build() {
            return new Parameters(new ArrayList<>(blocks));
        }
    }
}
