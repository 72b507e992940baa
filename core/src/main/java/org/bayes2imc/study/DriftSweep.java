package org.bayes2imc.study;

import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
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

        /** Its results.json {@code drift} row. */
        public DriftRow row() {
            return DriftRow.of(seconds, compensation, perDeployment, floor);
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
        return run(model, base, compensations, seconds, test, ood, calibration, correction, withFloor, null, progress);
    }

    /** As above, sharing {@code shared}'s work with other studies of the model (null: its own). */
    public static List<Cell> run(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                 double[] seconds, Dataset test, Dataset ood, Dataset calibration,
                                 LogitCorrection correction, boolean withFloor, SharedWork shared, Progress progress) {
        Study.Builder b = Study.builder().setModel(model).setTest(test).optOod(ood).setCalibration(calibration)
                .optTimes(seconds).optCorrection(correction).optSoftware(false)
                .optFloor(withFloor ? base.deployments() : 0).optSharedFloor(true).optShared(shared);
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

    /** The results.json {@code drift} rows of a sweep. */
    public static List<DriftRow> rows(List<Cell> cells) {
        return cells.stream().map(Cell::row).toList();
    }
}
