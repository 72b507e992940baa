package org.bayes2imc.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spread of a deployment study's figures across its K deployments, split into the Monte-Carlo floor and the
 * deployment-induced part (docs/MODEL.md §7, judging the correction): total = std over K; floor = std over the same K read
 * with other random streams and programming noise and drift off (every deployment the same chip, so only the
 * sampled ensemble's noise is left); deployment-induced = √max(0, total² − floor²). A per-deployment logit
 * correction can only remove the deployment-induced part, so it is judged on that.
 *
 * @param deployments K
 * @param raw         per figure, the uncorrected chip
 * @param corrected   per figure, after the logit correction (empty when the study had none)
 * @param floorDeployments the floor run's programmings where they differ from K (the demo), else null
 * @param accuracyInducedRatio corrected ÷ raw deployment-induced accuracy spread (null without a correction or
 *                             when the raw part is 0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpreadDecomposition(int deployments, Map<String, Part> raw, Map<String, Part> corrected,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) Double accuracyInducedRatio,
                                  Integer floorDeployments) {
    /** The figures decomposed: accuracy, NLL and ECE, raw and at the model's temperature. */
    public static final List<Metric> FIGURES = List.of(Metric.ACCURACY, Metric.NLL, Metric.NLL_CALIBRATED, Metric.ECE,
            Metric.ECE_CALIBRATED);

    /** One figure's spread: total, Monte-Carlo floor and deployment-induced part (standard deviations). */
    public record Part(double total, double floor, double deploymentInduced) {
        public static Part of(double total, double floor) {
            return new Part(total, floor, Math.sqrt(Math.max(0.0, total * total - floor * floor)));
        }
    }

    /**
     * @param raw            the study's per-deployment figures
     * @param corrected      the same after the logit correction, or null
     * @param floorRaw       the floor run's per-deployment figures
     * @param floorCorrected the floor run after its own correction, or null
     */
    public static SpreadDecomposition of(List<EvaluationResult> raw, List<EvaluationResult> corrected,
                                         List<EvaluationResult> floorRaw, List<EvaluationResult> floorCorrected) {
        Map<String, Part> r = parts(raw, floorRaw);
        Map<String, Part> c = corrected == null ? Map.of() : parts(corrected, floorCorrected == null ? floorRaw : floorCorrected);
        Double ratio = c.isEmpty() || !(r.get("accuracy").deploymentInduced() > 0) ? null
                : c.get("accuracy").deploymentInduced() / r.get("accuracy").deploymentInduced();
        return new SpreadDecomposition(raw.size(), r, c, ratio, null);
    }

    private static Map<String, Part> parts(List<EvaluationResult> total, List<EvaluationResult> floor) {
        Map<String, Part> m = new LinkedHashMap<>();
        for (Metric k : FIGURES) {
            m.put(k.key(), Part.of(DeploymentSummary.spread(total, k).std(), DeploymentSummary.spread(floor, k).std()));
        }
        return m;
    }

    /** Labelled with the floor run's number of programmings (the demo's {@code --floor-deployments}). */
    public SpreadDecomposition withFloorDeployments(int k) {
        return new SpreadDecomposition(deployments, raw, corrected, accuracyInducedRatio, k);
    }
}
