package org.bayes2imc.study;

import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.CalibrationSet;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
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
        return run(model, base, compensations, seconds, test, ood, calibration, null, progress);
    }

    /**
     * As above; with a logit correction, every (time, compensation) cell gets a twin labelled
     * "compensation+correction" whose figures come from the same logits after the correction fitted for that
     * deployment at that time on the calibration set (never test images).
     */
    public static List<Cell> run(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                 double[] seconds, Dataset test, Dataset ood, Dataset calibration,
                                 LogitCorrection correction, Progress progress) {
        return run(model, base, compensations, seconds, test, ood, calibration, correction, false, progress);
    }

    /**
     * As above; with {@code withFloor}, every cell also carries the Monte-Carlo floor at its time: one extra sweep
     * of the same K deployments with programming noise and drift off and other random streams (with drift off every
     * compensation reads the same, so the floor is run once, uncompensated, and shared by the compensations).
     */
    public static List<Cell> run(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                 double[] seconds, Dataset test, Dataset ood, Dataset calibration,
                                 LogitCorrection correction, boolean withFloor, Progress progress) {
        List<Cell> cells = sweep(model, base, compensations, seconds, test, ood, calibration, correction, progress);
        DeployOptions floorOptions = withFloor ? DeploymentStudy.floorOptions(base) : null;
        if (floorOptions == null) {
            return cells;
        }
        List<Cell> floor = sweep(model, floorOptions, List.of(new org.bayes2imc.imc.NoCompensation()), seconds, test,
                null, calibration, correction, progress);
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            boolean corrected = c.compensation().contains("+");
            Cell f = floor.stream().filter(x -> x.seconds() == c.seconds() && x.compensation().contains("+") == corrected)
                    .findFirst().orElseThrow();
            out.add(new Cell(c.seconds(), c.compensation(), c.perDeployment(), f.perDeployment()));
        }
        return out;
    }

    private static List<Cell> sweep(BbnnModel model, DeployOptions base, List<DriftCompensation> compensations,
                                    double[] seconds, Dataset test, Dataset ood, Dataset calibration,
                                    LogitCorrection correction, Progress progress) {
        List<Cell> cells = new ArrayList<>();
        double temperature = model.calibrationTemperature();
        int classes = model.architecture().classes();
        for (DriftCompensation comp : compensations) {
            DeploymentRunner runner = new DeploymentRunner(model, base.withCompensation(comp));
            runner.calibrateActivations(calibration);
            float[] software = correction == null ? null
                    : DeploymentStudy.flatten(runner.softwareLogits(calibration, progress));
            float[] meanInput = correction != null && correction.needsReadBack()
                    ? DeploymentStudy.meanFinalLayerInput(model, calibration) : null;
            List<List<EvaluationResult>> byTime = new ArrayList<>();
            List<List<EvaluationResult>> correctedByTime = new ArrayList<>();
            for (int t = 0; t < seconds.length; t++) {
                byTime.add(new ArrayList<>());
                correctedByTime.add(new ArrayList<>());
            }
            for (int k = 0; k < base.deployments(); k++) {
                Deployment d = runner.program(k);
                for (int t = 0; t < seconds.length; t++) {
                    DeployedCore core = runner.core(d, k, seconds[t]);
                    EnsembleLogits in = runner.logits(core, test, progress);
                    EnsembleLogits out = ood == null ? null : runner.logits(core, ood, progress);
                    byTime.get(t).add(Evaluation.of(in, test.labels(), temperature, out));
                    if (correction != null) {
                        EnsembleLogits cal = runner.logits(core, calibration, progress);
                        CalibrationSet.FinalLayerReadBack readBack = meanInput == null ? null
                                : DeploymentStudy.readBack(model, core, meanInput);
                        LogitMap map = correction.fit(new CalibrationSet(classes, DeploymentStudy.flatten(cal), software,
                                readBack));
                        correctedByTime.get(t).add(Evaluation.of(DeploymentStudy.apply(map, in), test.labels(),
                                temperature, out == null ? null : DeploymentStudy.apply(map, out)));
                    }
                }
            }
            for (int t = 0; t < seconds.length; t++) {
                cells.add(new Cell(seconds[t], comp.id(), byTime.get(t)));
            }
            if (correction != null) {
                for (int t = 0; t < seconds.length; t++) {
                    cells.add(new Cell(seconds[t], comp.id() + "+" + correction.name(), correctedByTime.get(t)));
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
