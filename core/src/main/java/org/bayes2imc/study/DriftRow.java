package org.bayes2imc.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.metrics.Metric;

import java.util.List;

/**
 * One row of results.json {@code drift} (docs/RESULTS.md): a (time, compensation) cell's figures as mean and
 * standard deviation over its K deployments and, where the sweep ran its Monte-Carlo floor, the floor's standard
 * deviation ({@code _floor}) and the deployment-induced part √max(0, std² − floor²) ({@code _induced}, docs/MODEL.md §7);
 * without a floor those keys are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftRow(double timeSeconds, String compensation,
                       double accuracyMean, double accuracyStd, Double accuracyFloor, Double accuracyInduced,
                       double eceMean, double eceStd, Double eceFloor, Double eceInduced,
                       double eceCalibratedMean, double eceCalibratedStd, Double eceCalibratedFloor,
                       Double eceCalibratedInduced,
                       double nllMean, double nllStd, Double nllFloor, Double nllInduced,
                       double nllCalibratedMean, double nllCalibratedStd, Double nllCalibratedFloor,
                       Double nllCalibratedInduced,
                       double brierMean,
                       double oodAurocEntropyMean, double oodAurocEntropyStd, Double oodAurocEntropyFloor,
                       Double oodAurocEntropyInduced,
                       double oodAurocMiMean, int deployments) {

    /** The row of one cell; {@code floor} null when the sweep ran no floor. */
    public static DriftRow of(double seconds, String compensation, List<EvaluationResult> per,
                              List<EvaluationResult> floor) {
        Part a = Part.of(per, floor, Metric.ACCURACY);
        Part e = Part.of(per, floor, Metric.ECE);
        Part ec = Part.of(per, floor, Metric.ECE_CALIBRATED);
        Part n = Part.of(per, floor, Metric.NLL);
        Part nc = Part.of(per, floor, Metric.NLL_CALIBRATED);
        Part o = Part.of(per, floor, Metric.OOD_AUROC_ENTROPY);
        return new DriftRow(seconds, compensation, a.mean, a.std, a.floor, a.induced, e.mean, e.std, e.floor,
                e.induced, ec.mean, ec.std, ec.floor, ec.induced, n.mean, n.std, n.floor, n.induced, nc.mean, nc.std,
                nc.floor, nc.induced, DeploymentSummary.spread(per, Metric.BRIER).mean(), o.mean, o.std, o.floor,
                o.induced, DeploymentSummary.spread(per, Metric.OOD_AUROC_MI).mean(), per.size());
    }

    private record Part(double mean, double std, Double floor, Double induced) {
        static Part of(List<EvaluationResult> per, List<EvaluationResult> floor, Metric m) {
            Spread s = DeploymentSummary.spread(per, m);
            if (floor == null) {
                return new Part(s.mean(), s.std(), null, null);
            }
            // the spread decomposition of docs/MODEL.md §7: floor and deployment-induced part √(total² − floor²)
            double f = DeploymentSummary.spread(floor, m).std();
            return new Part(s.mean(), s.std(), f, Math.sqrt(Math.max(0, s.std() * s.std() - f * f)));
        }
    }
}
