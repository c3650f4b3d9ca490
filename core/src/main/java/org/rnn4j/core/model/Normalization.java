package org.rnn4j.core.model;

/**
 * Per-column affine scaling of a model's inputs and targets, fitted on the training sequences
 * and stored with the model: the network sees (x − mean) / scale and its outputs are read back
 * as y · scale + mean.
 */
public record Normalization(double[] inputMean, double[] inputScale, double[] targetMean, double[] targetScale) {
    public Normalization {
        inputMean = inputMean.clone();
        inputScale = inputScale.clone();
        targetMean = targetMean.clone();
        targetScale = targetScale.clone();
    }
}
