package org.bayes2imc.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The numeric figures of an {@link EvaluationResult} that are summarised over deployments (docs/RESULTS.md
 * {@code Metrics}: counts and the calibration temperature excluded); {@link #key()} is the results.json key.
 */
public enum Metric {
    ACCURACY(EvaluationResult::accuracy),
    NLL(EvaluationResult::nll),
    BRIER(EvaluationResult::brier),
    ECE(EvaluationResult::ece),
    ENTROPY_MEAN(EvaluationResult::entropyMean),
    ALEATORIC_MEAN(EvaluationResult::aleatoricMean),
    EPISTEMIC_MEAN(EvaluationResult::epistemicMean),
    ACCURACY_CALIBRATED(EvaluationResult::accuracyCalibrated),
    NLL_CALIBRATED(EvaluationResult::nllCalibrated),
    BRIER_CALIBRATED(EvaluationResult::brierCalibrated),
    ECE_CALIBRATED(EvaluationResult::eceCalibrated),
    OOD_AUROC_ENTROPY(EvaluationResult::oodAurocEntropy),
    OOD_AUPR_ENTROPY(EvaluationResult::oodAuprEntropy),
    OOD_FPR95_ENTROPY(EvaluationResult::oodFpr95Entropy),
    OOD_AUROC_MI(EvaluationResult::oodAurocMi),
    OOD_AUPR_MI(EvaluationResult::oodAuprMi),
    OOD_FPR95_MI(EvaluationResult::oodFpr95Mi);

    private final ToDoubleFunction<EvaluationResult> value;

    Metric(ToDoubleFunction<EvaluationResult> value) {
        this.value = value;
    }

    /** This figure of one evaluation (NaN where it does not exist, e.g. OOD figures without an OOD set). */
    public double of(EvaluationResult r) {
        return value.applyAsDouble(r);
    }

    /** The results.json key, e.g. {@code ood_auroc_entropy}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
