package org.bayes2imc.imc;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.metrics.Calibration;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metric;
import org.bayes2imc.metrics.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The docs/RESULTS.md {@code hardware} object: one metric set per deployment summarised as a {@link Spread} per
 * {@link Metric}, the per-deployment figures, and the reliability diagrams pooled over deployments; the study that
 * made it adds the software ensemble on the same images, the correction's name, the read time and the device.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentSummary(int deployments, Spread accuracy, Spread nll, Spread brier, Spread ece,
                                Spread entropyMean, Spread aleatoricMean, Spread epistemicMean,
                                Spread accuracyCalibrated, Spread nllCalibrated, Spread brierCalibrated,
                                Spread eceCalibrated, Spread oodAurocEntropy, Spread oodAuprEntropy,
                                Spread oodFpr95Entropy, Spread oodAurocMi, Spread oodAuprMi, Spread oodFpr95Mi,
                                List<Metrics> perDeployment, List<Calibration.Bin> reliability,
                                List<Calibration.Bin> reliabilityCalibrated, Metrics softwareSameImages,
                                String correction, Double timeSeconds, String device) {

    /** The spread of one figure over deployments. */
    public static Spread spread(List<EvaluationResult> perDeployment, Metric metric) {
        double[] v = new double[perDeployment.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = metric.of(perDeployment.get(i));
        }
        return Spread.of(v);
    }

    /** The spread of one figure over deployments, from their written {@code per_deployment} rows. */
    public static Spread spread(List<Metrics> perDeployment, Function<Metrics, Double> figure) {
        double[] v = new double[perDeployment.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = figure.apply(perDeployment.get(i));
        }
        return Spread.of(v);
    }

    /** Spreads of every metric, per-deployment figures (without reliability) and the pooled reliability. */
    public static DeploymentSummary of(List<EvaluationResult> per) {
        if (per.isEmpty()) {
            return new DeploymentSummary(0, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }
        List<Metrics> rows = new ArrayList<>();
        for (int i = 0; i < per.size(); i++) {
            rows.add(per.get(i).metrics().asDeployment(i));
        }
        return new DeploymentSummary(per.size(), spread(per, Metric.ACCURACY), spread(per, Metric.NLL),
                spread(per, Metric.BRIER), spread(per, Metric.ECE), spread(per, Metric.ENTROPY_MEAN),
                spread(per, Metric.ALEATORIC_MEAN), spread(per, Metric.EPISTEMIC_MEAN),
                spread(per, Metric.ACCURACY_CALIBRATED), spread(per, Metric.NLL_CALIBRATED),
                spread(per, Metric.BRIER_CALIBRATED), spread(per, Metric.ECE_CALIBRATED),
                spread(per, Metric.OOD_AUROC_ENTROPY), spread(per, Metric.OOD_AUPR_ENTROPY),
                spread(per, Metric.OOD_FPR95_ENTROPY), spread(per, Metric.OOD_AUROC_MI),
                spread(per, Metric.OOD_AUPR_MI), spread(per, Metric.OOD_FPR95_MI), rows,
                pooledReliability(per, EvaluationResult::reliability),
                pooledReliability(per, EvaluationResult::reliabilityCalibrated), null, null, null, null);
    }

    /** With the software ensemble on the same images beside the hardware figures (histograms left out). */
    public DeploymentSummary withSoftware(EvaluationResult software) {
        return withSoftware(software == null ? null : software.metrics().withoutHistograms());
    }

    public DeploymentSummary withSoftware(Metrics software) {
        return new DeploymentSummary(deployments, accuracy, nll, brier, ece, entropyMean, aleatoricMean,
                epistemicMean, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodAurocEntropy,
                oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, perDeployment, reliability,
                reliabilityCalibrated, software, correction, timeSeconds, device);
    }

    /** Named as the logit correction its figures went through. */
    public DeploymentSummary withCorrection(String name) {
        return new DeploymentSummary(deployments, accuracy, nll, brier, ece, entropyMean, aleatoricMean,
                epistemicMean, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodAurocEntropy,
                oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, perDeployment, reliability,
                reliabilityCalibrated, softwareSameImages, name, timeSeconds, device);
    }

    /** Labelled with the read time after programming and the device model. */
    public DeploymentSummary at(double seconds, String deviceName) {
        return new DeploymentSummary(deployments, accuracy, nll, brier, ece, entropyMean, aleatoricMean,
                epistemicMean, accuracyCalibrated, nllCalibrated, brierCalibrated, eceCalibrated, oodAurocEntropy,
                oodAuprEntropy, oodFpr95Entropy, oodAurocMi, oodAuprMi, oodFpr95Mi, perDeployment, reliability,
                reliabilityCalibrated, softwareSameImages, correction, seconds, deviceName);
    }

    /**
     * The reliability diagram pooled over deployments: per confidence bin the summed counts and the count-weighted
     * mean confidence and accuracy (same bins as each deployment's).
     */
    public static List<Calibration.Bin> pooledReliability(List<EvaluationResult> perDeployment,
                                                          Function<EvaluationResult, List<Calibration.Bin>> which) {
        List<Calibration.Bin> pooled = new ArrayList<>();
        if (perDeployment.isEmpty()) {
            return pooled;
        }
        List<Calibration.Bin> first = which.apply(perDeployment.get(0));
        for (int b = 0; b < first.size(); b++) {
            long count = 0;
            double conf = 0;
            double acc = 0;
            for (EvaluationResult r : perDeployment) {
                Calibration.Bin bin = which.apply(r).get(b);
                if (bin.count() > 0) {
                    count += bin.count();
                    conf += bin.count() * bin.meanConfidence();
                    acc += bin.count() * bin.accuracy();
                }
            }
            pooled.add(new Calibration.Bin(first.get(b).lower(), first.get(b).upper(), Math.toIntExact(count),
                    count > 0 ? conf / count : Double.NaN, count > 0 ? acc / count : Double.NaN));
        }
        return pooled;
    }
}
