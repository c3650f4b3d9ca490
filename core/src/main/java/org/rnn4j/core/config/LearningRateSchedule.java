package org.rnn4j.core.config;

/**
 * The factor applied to the optimizer's learning rate in each epoch:
 * {@code constant} (1), {@code step} (gamma^⌊(epoch − 1) / step-size⌋: multiplied by gamma every
 * step-size epochs) or {@code exponential} (gamma^(epoch − 1)).
 *
 * @param type     constant, step or exponential
 * @param stepSize epochs between steps of the {@code step} schedule
 * @param gamma    the factor per step (or per epoch)
 */
public record LearningRateSchedule(String type, int stepSize, double gamma) {

    /** The factor in epoch {@code epoch} (from 1). */
    public double factor(int epoch) {
        return switch (type) {
            case "step" -> Math.pow(gamma, (epoch - 1) / stepSize);
            case "exponential" -> Math.pow(gamma, epoch - 1);
            default -> 1;
        };
    }
}
