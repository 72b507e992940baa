package org.bayes2imc.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.BbnnModel;

import java.util.List;

/**
 * K deployments of one model at one time, each evaluated raw and after a logit correction fitted on an unlabelled
 * calibration set passed through that deployment (docs/MODEL.md §7): the figures behind {@code hardware} and
 * {@code hardware_corrected}, read from one cell of a {@link Study}.
 */
public final class DeploymentStudy {
    private DeploymentStudy() {
    }

    /** The options of a Monte-Carlo floor run; see {@link Study#floorOptions}. */
    public static DeployOptions floorOptions(DeployOptions o) {
        return Study.floorOptions(o);
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

    /**
     * Runs K = {@code options.deployments()} at {@code seconds} with a correction and, when {@code floorDeployments}
     * ≥ 2, the Monte-Carlo floor. {@code calibration} holds training images only (never test images); its labels are
     * not used. {@code evaluateSoftware = false} skips the software ensemble on the test images.
     */
    public static StudyResult run(BbnnModel model, DeployOptions options, double seconds, Dataset test, Dataset ood,
                                  Dataset calibration, LogitCorrection correction, boolean evaluateSoftware,
                                  int floorDeployments, Progress progress) {
        return Study.builder().setModel(model).setTest(test).optOod(ood).setCalibration(calibration)
                .addConfiguration(options).optTimes(seconds).optCorrection(correction).optSoftware(evaluateSoftware)
                .optFloor(floorDeployments).build().run(progress);
    }
}
