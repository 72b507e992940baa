package org.bayes2imc.study;

import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.List;

/**
 * K deployments of one model at one time, each evaluated raw and after a logit correction fitted on an unlabelled
 * calibration set passed through that deployment (docs/MODEL.md §7): the figures behind {@code hardware} and
 * {@code hardware_corrected}, read from one cell of a {@link Study}.
 */
public final class DeploymentStudy {
    private DeploymentStudy() {
    }

    /** Per-deployment figures, raw and corrected, and the fitted maps. */
    public record Result(EvaluationResult software, List<EvaluationResult> raw, List<EvaluationResult> corrected,
                         List<LogitMap> maps, String correction, double seconds, double evaluationSeconds) {

        /** The figures of a study's cell, with the study's software ensemble (or null). */
        public static Result of(StudyCell cell, EvaluationResult software) {
            return new Result(software, cell.raw(), cell.corrected(),
                    cell.deployments().stream().map(DeploymentRow::map).toList(), cell.correction(), cell.seconds(),
                    cell.evaluationSeconds());
        }

        /** The raw figures, with the software ensemble on the same images beside them. */
        public DeploymentSummary hardware() {
            return DeploymentSummary.of(raw).withSoftware(software);
        }

        /** The corrected figures, named as their correction. */
        public DeploymentSummary hardwareCorrected() {
            return DeploymentSummary.of(corrected).withCorrection(correction);
        }
    }
}
