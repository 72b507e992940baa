package org.bayes2imc.correct;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.imc.DeploymentRunner;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * K deployments of one model at one time, each evaluated raw and after a logit correction fitted on an unlabelled
 * calibration set passed through that deployment (SPEC §7): the figures behind {@code hardware} and
 * {@code hardware_corrected}.
 */
public final class DeploymentStudy {
    private DeploymentStudy() {
    }

    /** Per-deployment figures, raw and corrected, and the fitted maps. */
    public record Result(List<EvaluationResult> raw, List<EvaluationResult> corrected, List<LogitMap> maps,
                         String correction, double seconds) {

        public ObjectNode hardwareJson() {
            return DeploymentSummary.json(raw);
        }

        public ObjectNode correctedJson() {
            ObjectNode o = DeploymentSummary.json(corrected);
            o.put("correction", correction);
            return o;
        }
    }

    /**
     * Runs the study. The runner must already have its activation ranges calibrated; {@code calibration} holds
     * training images only (never test images) and its labels are not used.
     */
    public static Result run(DeploymentRunner runner, double seconds, Dataset test, Dataset ood, Dataset calibration,
                             LogitCorrection correction, Progress progress) {
        long t0 = System.nanoTime();
        double temperature = runner.model().calibrationTemperature();
        int classes = runner.model().architecture().classes();
        float[] software = flatten(runner.softwareLogits(calibration, progress));
        List<EvaluationResult> raw = new ArrayList<>();
        List<EvaluationResult> corrected = new ArrayList<>();
        List<LogitMap> maps = new ArrayList<>();
        for (int k = 0; k < runner.options().deployments(); k++) {
            Deployment d = runner.program(k);
            DeployedCore core = runner.core(d, k, seconds);
            EnsembleLogits cal = runner.logits(core, calibration, progress);
            EnsembleLogits in = runner.logits(core, test, progress);
            EnsembleLogits out = ood == null ? null : runner.logits(core, ood, progress);
            raw.add(Evaluation.of(in, test.labels(), temperature, out));
            LogitMap map = correction.fit(new CalibrationSet(classes, flatten(cal), software, null));
            maps.add(map);
            corrected.add(Evaluation.of(apply(map, in), test.labels(), temperature, out == null ? null : apply(map, out)));
        }
        return new Result(raw, corrected, maps, correction.name(), (System.nanoTime() - t0) / 1e9);
    }

    static float[] flatten(EnsembleLogits e) {
        float[][] m = e.members();
        int n = m[0].length;
        float[] out = new float[m.length * n];
        for (int s = 0; s < m.length; s++) {
            System.arraycopy(m[s], 0, out, s * n, n);
        }
        return out;
    }

    static EnsembleLogits apply(LogitMap map, EnsembleLogits e) {
        float[][] m = e.members();
        float[][] out = new float[m.length][];
        for (int s = 0; s < m.length; s++) {
            out[s] = map.apply(m[s]);
        }
        return new EnsembleLogits(e.classes(), out);
    }
}
