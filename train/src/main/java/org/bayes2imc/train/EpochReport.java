package org.bayes2imc.train;

/**
 * What one training epoch achieved: mean training loss and accuracy (of the sampled networks it trained on),
 * throughput, the validation accuracy of the mode network, and the posterior's concentration.
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, double imagesPerSecond, double seconds,
                          double validationModeAccuracy, PosteriorSummary posterior) {
}
