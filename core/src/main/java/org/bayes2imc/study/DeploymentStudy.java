package org.bayes2imc.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        public ObjectNode hardwareJson() {
            ObjectNode o = DeploymentSummary.json(raw);
            if (software != null) {
                ObjectNode sw = software.toJson();
                sw.remove("histograms");
                o.set("software_same_images", sw);
            }
            return o;
        }

        public ObjectNode correctedJson() {
            ObjectNode o = DeploymentSummary.json(corrected);
            o.put("correction", correction);
            return o;
        }
    }
}
