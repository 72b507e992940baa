package org.bayes2imc.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The results.json {@code Metrics} object (docs/RESULTS.md) of one predictor on one dataset: the figures of an
 * {@link EvaluationResult} with the OOD detections flattened. Inside a deployment summary's {@code per_deployment}
 * list the reliability diagrams and histograms are left out and {@code deployment} names the programming; the
 * deploy command adds the reference devices its drift compensation used, its simulation seconds and each layer's
 * plan (fixed/shared/split/full).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metrics(int samples, int images, double accuracy, double nll, double brier, double ece,
                      double entropyMean, double aleatoricMean, double epistemicMean, double calibrationTemperature,
                      double accuracyCalibrated, double nllCalibrated, double brierCalibrated, double eceCalibrated,
                      int oodImages, double oodAurocEntropy, double oodAuprEntropy, double oodFpr95Entropy,
                      double oodAurocMi, double oodAuprMi, double oodFpr95Mi,
                      List<Calibration.Bin> reliability, List<Calibration.Bin> reliabilityCalibrated,
                      Histograms histograms, Integer deployment, Integer referenceDevices, Double seconds,
                      List<String> layerPlans) {

    /** Entropy and mutual-information histograms (nats), in-distribution and, with an OOD set, OOD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Histograms(Histogram entropyIn, Histogram miIn, Histogram entropyOod, Histogram miOod) {
    }

    public static Metrics of(EvaluationResult r) {
        return new Metrics(r.samples(), r.images(), r.accuracy(), r.nll(), r.brier(), r.ece(), r.entropyMean(),
                r.aleatoricMean(), r.epistemicMean(), r.calibrationTemperature(), r.accuracyCalibrated(),
                r.nllCalibrated(), r.brierCalibrated(), r.eceCalibrated(), r.oodImages(), r.oodAurocEntropy(),
                r.oodAuprEntropy(), r.oodFpr95Entropy(), r.oodAurocMi(), r.oodAuprMi(), r.oodFpr95Mi(),
                r.reliability(), r.reliabilityCalibrated(),
                new Histograms(r.entropyIn(), r.mutualInformationIn(), r.entropyOod(),
                        r.entropyOod() == null ? null : r.mutualInformationOod()), null, null, null, null);
    }

    /** Without the histograms (the software ensemble beside a hardware summary). */
    public Metrics withoutHistograms() {
        return new Metrics(samples, images, accuracy, nll, brier, ece, entropyMean, aleatoricMean, epistemicMean,
                calibrationTemperature, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodImages,
                oodAurocEntropy, oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, reliability,
                reliabilityCalibrated, null, null, null, null, null);
    }

    /** One row of {@code per_deployment}: the figures of deployment k, without diagrams. */
    public Metrics asDeployment(int k) {
        return new Metrics(samples, images, accuracy, nll, brier, ece, entropyMean, aleatoricMean, epistemicMean,
                calibrationTemperature, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodImages,
                oodAurocEntropy, oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, null, null, null,
                k, null, null, null);
    }

    /** A {@code per_deployment} row of the deploy command: with reference devices, seconds and layer plans. */
    public Metrics asDeployment(int k, int referenceDevices, double seconds, List<String> layerPlans) {
        return new Metrics(samples, images, accuracy, nll, brier, ece, entropyMean, aleatoricMean, epistemicMean,
                calibrationTemperature, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodImages,
                oodAurocEntropy, oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, null, null, null,
                k, referenceDevices, seconds, layerPlans);
    }
}
