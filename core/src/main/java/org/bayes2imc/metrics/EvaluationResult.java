package org.bayes2imc.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

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

    /** snake_case JSON (docs/MODEL.md §10); NaN (e.g. an empty bin's mean) is written as null. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("samples", samples);
        o.put("images", images);
        put(o, "accuracy", accuracy);
        put(o, "nll", nll);
        put(o, "brier", brier);
        put(o, "ece", ece);
        put(o, "entropy_mean", entropyMean);
        put(o, "aleatoric_mean", aleatoricMean);
        put(o, "epistemic_mean", epistemicMean);
        put(o, "calibration_temperature", calibrationTemperature);
        put(o, "accuracy_calibrated", accuracyCalibrated);
        put(o, "nll_calibrated", nllCalibrated);
        put(o, "brier_calibrated", brierCalibrated);
        put(o, "ece_calibrated", eceCalibrated);
        o.put("ood_images", oodImages);
        put(o, "ood_auroc_entropy", oodEntropy == null ? Double.NaN : oodEntropy.auroc());
        put(o, "ood_aupr_entropy", oodEntropy == null ? Double.NaN : oodEntropy.aupr());
        put(o, "ood_fpr95_entropy", oodEntropy == null ? Double.NaN : oodEntropy.fpr95());
        put(o, "ood_auroc_mi", oodMutualInformation == null ? Double.NaN : oodMutualInformation.auroc());
        put(o, "ood_aupr_mi", oodMutualInformation == null ? Double.NaN : oodMutualInformation.aupr());
        put(o, "ood_fpr95_mi", oodMutualInformation == null ? Double.NaN : oodMutualInformation.fpr95());
        o.set("reliability", bins(reliability));
        o.set("reliability_calibrated", bins(reliabilityCalibrated));
        ObjectNode h = o.putObject("histograms");
        h.set("entropy_in", entropyIn.toJson());
        h.set("mi_in", mutualInformationIn.toJson());
        if (entropyOod != null) {
            h.set("entropy_ood", entropyOod.toJson());
            h.set("mi_ood", mutualInformationOod.toJson());
        }
        return o;
    }

    private static ArrayNode bins(List<Calibration.Bin> bins) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Calibration.Bin b : bins) {
            ObjectNode r = a.addObject();
            r.put("bin_lower", b.lower());
            r.put("bin_upper", b.upper());
            r.put("count", b.count());
            put(r, "confidence", b.meanConfidence());
            put(r, "accuracy", b.accuracy());
        }
        return a;
    }

    static void put(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
