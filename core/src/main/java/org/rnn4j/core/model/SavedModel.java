package org.rnn4j.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.core.data.Normalization;
import org.rnn4j.api.training.Checkpoint;

/**
 * The contents of a model file (see {@code docs/model-format.md}).
 *
 * @param formatVersion the file format's version
 * @param rnn4jVersion  the rnn4j that wrote it
 * @param created       when, ISO-8601
 * @param config        the effective configuration the network was built and trained with
 * @param topology      the topology plugin's name
 * @param inputSize     inputs per step
 * @param outputSize    outputs per step
 * @param blocks        the parameters by block, in flat order
 * @param provenance    seed, data set, trainer, optimizer, loss, plugin classes and versions (JSON)
 * @param training      how training went: epochs, ending, evaluation (JSON; empty for a checkpoint)
 * @param normalization the data scaling, or null
 * @param checkpoint    the run's state, for a checkpoint file; null for a model
 * @param inputNames    the names of the inputs, in order ({@code input_1 …} in files that keep none)
 * @param targetNames   the names of the targets, in order ({@code target_1 …} in files that keep none)
 */
public record SavedModel(int formatVersion, String rnn4jVersion, String created, Config config, String topology,
                         int inputSize, int outputSize, List<Block> blocks, ObjectNode provenance, ObjectNode training,
                         Normalization normalization, Checkpoint checkpoint, List<String> inputNames,
                         List<String> targetNames) {

    /** One parameter block. */
    public record Block(String name, DMatrixRMaj value) {
    }

    public SavedModel {
        blocks = List.copyOf(blocks);
        inputNames = List.copyOf(inputNames);
        targetNames = List.copyOf(targetNames);
    }

    /** The parameters as one flat vector, in block order. */
    public double[] flatParameters() {
        return flatten(blocks);
    }

    /** {@code blocks} as one flat vector, in order. */
    static double[] flatten(List<Block> blocks) {
        int size = blocks.stream().mapToInt(b -> b.value().getNumElements()).sum();
        double[] flat = new double[size];
        int offset = 0;
        for (Block block : blocks) {
            System.arraycopy(block.value().data, 0, flat, offset, block.value().getNumElements());
            offset += block.value().getNumElements();
        }
        return flat;
    }
}
