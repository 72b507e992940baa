package org.bayes2imc.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metric;
import org.bayes2imc.metrics.Metrics;

import java.util.List;
import java.util.function.Function;

/**
 * results.json {@code sparsity_deploy} (docs/RESULTS.md): the same first K_s deployments read without sampling
 * sparsity, with layer sparsity (LS) and with layer and row sparsity (LS+RS), each figure as a spread over them.
 */
public record SparsityComparison(int deployments, ModeFigures none, ModeFigures ls, ModeFigures lsRs) {

    /**
     * One sparsity mode's figures over the K_s deployments; {@code seconds} is the time of their test and OOD
     * passes. {@code firstEnsemblingLayer} and {@code perDeploymentAccuracy} are given for the sparse modes only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModeFigures(Spread accuracy, Spread ece, Spread eceCalibrated, Spread nll, Spread nllCalibrated,
                              Spread brier, Spread oodAurocEntropy, Spread oodAurocMi, double seconds,
                              Integer firstEnsemblingLayer, List<Double> perDeploymentAccuracy) {

        /** From freshly evaluated deployments. */
        public static ModeFigures of(List<EvaluationResult> per, double seconds, int firstEnsemblingLayer) {
            return new ModeFigures(DeploymentSummary.spread(per, Metric.ACCURACY), DeploymentSummary.spread(per, Metric.ECE),
                    DeploymentSummary.spread(per, Metric.ECE_CALIBRATED), DeploymentSummary.spread(per, Metric.NLL),
                    DeploymentSummary.spread(per, Metric.NLL_CALIBRATED), DeploymentSummary.spread(per, Metric.BRIER),
                    DeploymentSummary.spread(per, Metric.OOD_AUROC_ENTROPY), DeploymentSummary.spread(per, Metric.OOD_AUROC_MI),
                    seconds, firstEnsemblingLayer, per.stream().map(EvaluationResult::accuracy).toList());
        }

        /** From the per-deployment rows of a deployment summary (the dense reads the sparse ones are paired with). */
        public static ModeFigures ofRows(List<Metrics> rows, double seconds) {
            return new ModeFigures(s(rows, Metrics::accuracy), s(rows, Metrics::ece), s(rows, Metrics::eceCalibrated),
                    s(rows, Metrics::nll), s(rows, Metrics::nllCalibrated), s(rows, Metrics::brier),
                    s(rows, Metrics::oodAurocEntropy), s(rows, Metrics::oodAurocMi), seconds, null, null);
        }

        private static Spread s(List<Metrics> rows, Function<Metrics, Double> figure) {
            return DeploymentSummary.spread(rows, figure);
        }
    }
}
