package org.bayes2imc.study;

import org.bayes2imc.metrics.EvaluationResult;

import java.util.List;

/**
 * One (configuration, time) cell of a {@link Study}: the rows of its K deployments and, where the study ran one,
 * its Monte-Carlo floor at that time (docs/MODEL.md §7: the same K read with programming noise and drift off and other
 * random streams; null lists otherwise), with the core's array and work accounting.
 *
 * @param correction        the logit correction's name, or null when none was fitted
 * @param floorRaw          the floor's per-deployment figures on the test set, or null
 * @param floorCorrected    the floor after its own correction, or null
 * @param evaluationSeconds seconds of the test and OOD passes of this cell (not programming, not calibration)
 */
public record StudyCell(String configuration, double seconds, int firstEnsemblingLayer, String correction,
                        List<DeploymentRow> deployments, List<EvaluationResult> floorRaw,
                        List<EvaluationResult> floorCorrected, int arrays, long sharedMacsPerImage,
                        long memberMacsPerImage, double evaluationSeconds) {

    /** The per-deployment raw figures. */
    public List<EvaluationResult> raw() {
        return deployments.stream().map(DeploymentRow::raw).toList();
    }

    /** The per-deployment corrected figures, or null without a correction. */
    public List<EvaluationResult> corrected() {
        return correction == null ? null : deployments.stream().map(DeploymentRow::corrected).toList();
    }

    /** This cell with another floor (a floor shared by several configurations). */
    StudyCell withFloor(List<EvaluationResult> raw, List<EvaluationResult> corrected) {
        return new StudyCell(configuration, seconds, firstEnsemblingLayer, correction, deployments, raw, corrected,
                arrays, sharedMacsPerImage, memberMacsPerImage, evaluationSeconds);
    }

    /** The split of the spread into floor and deployment-induced parts; requires a floor. */
    public SpreadDecomposition spreadDecomposition() {
        if (floorRaw == null) {
            throw new IllegalStateException("the study ran no Monte-Carlo floor (optFloor)");
        }
        return SpreadDecomposition.of(raw(), corrected(), floorRaw, floorCorrected);
    }
}
