package org.bayes2imc.metrics;

import java.util.List;

/**
 * The accuracy and uncertainty figures of one predictor (mode network, software ensemble or one hardware
 * deployment) on one dataset (docs/MODEL.md §2.5), raw and at the model's calibration temperature; OOD fields are null
 * when no OOD set was given. Entropies in nats.
 */
public record EvaluationResult(int samples, int images, double accuracy, double nll, double brier, double ece,
                               double entropyMean, double aleatoricMean, double epistemicMean,
                               List<Calibration.Bin> reliability,
                               double calibrationTemperature, double accuracyCalibrated, double nllCalibrated,
                               double brierCalibrated, double eceCalibrated, List<Calibration.Bin> reliabilityCalibrated,
                               int oodImages, OodDetection oodEntropy, OodDetection oodMutualInformation,
                               Histogram entropyIn, Histogram mutualInformationIn,
                               Histogram entropyOod, Histogram mutualInformationOod) {

    public double oodAurocEntropy() {
        return oodEntropy == null ? Double.NaN : oodEntropy.auroc();
    }

    public double oodAuprEntropy() {
        return oodEntropy == null ? Double.NaN : oodEntropy.aupr();
    }

    public double oodFpr95Entropy() {
        return oodEntropy == null ? Double.NaN : oodEntropy.fpr95();
    }

    public double oodAurocMi() {
        return oodMutualInformation == null ? Double.NaN : oodMutualInformation.auroc();
    }

    public double oodAuprMi() {
        return oodMutualInformation == null ? Double.NaN : oodMutualInformation.aupr();
    }

    public double oodFpr95Mi() {
        return oodMutualInformation == null ? Double.NaN : oodMutualInformation.fpr95();
    }

    /** The docs/RESULTS.md {@code Metrics} record of this evaluation. */
    public Metrics metrics() {
        return Metrics.of(this);
    }
}
