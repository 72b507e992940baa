package org.bayes2imc.study;

import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.imc.DriftCompensation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.BbnnModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy and uncertainty against time since programming (docs/MODEL.md §7): each of K deployments is programmed once and
 * read at every time, under each drift compensation, so the times are compared on the same devices.
 */
public final class DriftSweep {
    private DriftSweep() {
    }

    /**
     * One (time, compensation) cell: the per-deployment figures and, where the sweep ran it, the Monte-Carlo floor at
     * that time (the same K with programming noise and drift off, other random streams; null otherwise).
     */
    public record Cell(double seconds, String compensation, List<EvaluationResult> perDeployment,
                       List<EvaluationResult> floor) {

        public Cell(double seconds, String compensation, List<EvaluationResult> perDeployment) {
            this(seconds, compensation, perDeployment, null);
        }

        public ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("time_seconds", seconds);
            o.put("compensation", compensation);
            put(o, "accuracy", "accuracy", true);
            put(o, "ece", "ece", true);
            put(o, "ece_calibrated", "ece_calibrated", true);
            put(o, "nll", "nll", true);
            put(o, "nll_calibrated", "nll_calibrated", true);
            put(o, "brier", "brier", false);
            put(o, "ood_auroc_entropy", "ood_auroc_entropy", true);
            put(o, "ood_auroc_mi", "ood_auroc_mi", false);
            o.put("deployments", perDeployment.size());
            return o;
        }

        private void put(ObjectNode o, String prefix, String key, boolean withStd) {
            Spread s = Spread.of(values(perDeployment, key));
            putFinite(o, prefix + "_mean", s.mean());
            if (withStd) {
                putFinite(o, prefix + "_std", s.std());
            }
            if (withStd && floor != null) {
                // the spread decomposition of docs/MODEL.md §7: floor and deployment-induced part √(total² − floor²)
                double f = Spread.of(values(floor, key)).std();
                putFinite(o, prefix + "_floor", f);
                putFinite(o, prefix + "_induced", Math.sqrt(Math.max(0, s.std() * s.std() - f * f)));
            }
        }

        private static double[] values(List<EvaluationResult> results, String key) {
            double[] v = new double[results.size()];
            for (int i = 0; i < v.length; i++) {
                var n = results.get(i).toJson().path(key);
                v[i] = n.isNumber() ? n.asDouble() : Double.NaN;
            }
            return v;
        }

        private static void putFinite(ObjectNode o, String k, double v) {
            if (Double.isFinite(v)) {
                o.put(k, v);
            } else {
                o.putNull(k);
            }
        }
    }

    public static List<Cell> run(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                 double[] seconds, Dataset test, Dataset ood, Dataset calibration, Progress progress) {
        return run(model, base, compensations, seconds, test, ood, calibration, null, false, progress);
    }

    /**
     * As above; with a logit correction, every (time, compensation) cell gets a twin labelled
     * "compensation+correction" whose figures come from the same logits after the correction fitted for that
     * deployment at that time on the calibration set (never test images). With {@code withFloor}, every cell also
     * carries the Monte-Carlo floor at its time: one extra sweep of the same K deployments with programming noise and
     * drift off and other random streams (with drift off every compensation reads the same, so the floor is run
     * once, uncompensated, and shared by the compensations).
     */
    public static List<Cell> run(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                 double[] seconds, Dataset test, Dataset ood, Dataset calibration,
                                 LogitCorrection correction, boolean withFloor, Progress progress) {
        Study.Builder b = Study.builder().setModel(model).setTest(test).optOod(ood).setCalibration(calibration)
                .optTimes(seconds).optCorrection(correction).optSoftware(false)
                .optFloor(withFloor ? base.deployments() : 0).optSharedFloor(true);
        compensations.forEach(c -> b.addConfiguration(base.withCompensation(c)));
        StudyResult r = b.build().run(progress);
        List<Cell> cells = new ArrayList<>();
        for (DriftCompensation comp : compensations) {
            for (double t : seconds) {
                StudyCell c = r.cell(comp.id(), t);
                cells.add(new Cell(t, comp.id(), c.raw(), c.floorRaw()));
            }
            if (r.cells().get(0).correction() != null) {
                for (double t : seconds) {
                    StudyCell c = r.cell(comp.id(), t);
                    cells.add(new Cell(t, comp.id() + "+" + c.correction(), c.corrected(), c.floorCorrected()));
                }
            }
        }
        return cells;
    }

    public static ArrayNode toJson(List<Cell> cells) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        cells.forEach(c -> a.add(c.toJson()));
        return a;
    }
}
