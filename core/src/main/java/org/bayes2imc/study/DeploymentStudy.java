package org.bayes2imc.study;

import org.bayes2imc.correct.LogitMap;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.CalibrationSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployReport;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.DeploymentFigures;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.NetworkForward;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * K deployments of one model at one time, each evaluated raw and after a logit correction fitted on an unlabelled
 * calibration set passed through that deployment (docs/MODEL.md §7): the figures behind {@code hardware} and
 * {@code hardware_corrected}. {@code evaluationSeconds} counts only the test and OOD passes (not calibration).
 */
public final class DeploymentStudy {
    /** Mixed into the seed of a study's Monte-Carlo floor run, so its reads use other random streams. */
    private static final long FLOOR_SEED = 0x9E3779B97F4A7C15L;

    private DeploymentStudy() {
    }

    /**
     * The options of a study's Monte-Carlo floor ({@link SpreadDecomposition}): the same K deployments with
     * programming noise and drift off and other random streams; null for the SRAM design (no devices).
     */
    public static DeployOptions floorOptions(DeployOptions o) {
        if (o.design() != org.bayes2imc.imc.SamplerDesign.BAYES2IMC) {
            return null;
        }
        return o.withDevice(o.device().withoutProgrammingNoiseAndDrift()).withSeed(o.seed() ^ FLOOR_SEED);
    }

    /**
     * Runs the floor of a study with {@code options} at {@code seconds} on the test set only (no OOD figures are
     * decomposed) and returns the decomposition of {@code study}'s spread.
     */
    public static SpreadDecomposition decompose(Result study, BbnnModel model, DeployOptions options, double seconds,
                                                Dataset test, Dataset calibration, LogitCorrection correction,
                                                Progress progress) {
        DeploymentRunner floor = new DeploymentRunner(model, floorOptions(options));
        floor.calibrateActivations(calibration);
        Result f = run(floor, seconds, test, null, calibration, correction, false, progress);
        return SpreadDecomposition.of(study, f);
    }

    /** Per-deployment figures, raw and corrected, and the fitted maps. */
    public record Result(EvaluationResult software, List<EvaluationResult> raw, List<EvaluationResult> corrected,
                         List<LogitMap> maps, String correction, double seconds, double evaluationSeconds) {

        /** The raw figures, with the software ensemble on the same images beside them. */
        public DeploymentSummary hardware() {
            return DeploymentSummary.of(raw).withSoftware(software);
        }

        /** The corrected figures, named as their correction. */
        public DeploymentSummary hardwareCorrected() {
            return DeploymentSummary.of(corrected).withCorrection(correction);
        }
    }

    /**
     * Runs the study. The runner must already have its activation ranges calibrated; {@code calibration} holds
     * training images only (never test images) and its labels are not used.
     */
    public static Result run(DeploymentRunner runner, double seconds, Dataset test, Dataset ood, Dataset calibration,
                             LogitCorrection correction, Progress progress) {
        return run(runner, seconds, test, ood, calibration, correction, true, progress);
    }

    /**
     * As above; {@code evaluateSoftware = false} skips the software ensemble on the test images (when the caller
     * already has it, e.g. the demo's software step on the same full test set): the result's software is then null.
     */
    public static Result run(DeploymentRunner runner, double seconds, Dataset test, Dataset ood, Dataset calibration,
                             LogitCorrection correction, boolean evaluateSoftware, Progress progress) {
        double temperature = runner.model().calibrationTemperature();
        EvaluationResult softwareSameImages = !evaluateSoftware ? null : Evaluation.of(runner.softwareLogits(test, progress),
                test.labels(), temperature, ood == null ? null : runner.softwareLogits(ood, progress));
        return study(runner, seconds, test, ood, calibration, correction, softwareSameImages, (k, core) -> {
            EnsembleLogits in = runner.logits(core, test, progress);
            return new EnsembleLogits[] {in, ood == null ? null : runner.logits(core, ood, progress)};
        }, progress);
    }

    /**
     * Corrects the deployments of a finished {@link DeploymentRunner#run} (with its logits kept) without evaluating
     * the test and OOD sets again: only the calibration set passes through each deployed core.
     */
    public static Result correct(DeploymentRunner runner, DeployReport report, Dataset test, Dataset ood,
                                 Dataset calibration, LogitCorrection correction, Progress progress) {
        List<DeploymentFigures> figures = report.deployments();
        if (figures.stream().anyMatch(f -> f.logits() == null)) {
            throw new IllegalArgumentException("the deployment report must keep its logits to be corrected");
        }
        return study(runner, report.options().seconds(), test, ood, calibration, correction, report.software(),
                (k, core) -> new EnsembleLogits[] {figures.get(k).logits(), figures.get(k).oodLogits()}, progress);
    }

    /** A deployment's member logits on the test and OOD sets (the OOD entry may be null). */
    private interface Evaluations {
        EnsembleLogits[] of(int deployment, DeployedCore core);
    }

    private static Result study(DeploymentRunner runner, double seconds, Dataset test, Dataset ood, Dataset calibration,
                                LogitCorrection correction, EvaluationResult softwareSameImages, Evaluations evaluations,
                                Progress progress) {
        long t0 = System.nanoTime();
        double temperature = runner.model().calibrationTemperature();
        int classes = runner.model().architecture().classes();
        float[] software = flatten(runner.softwareLogits(calibration, progress));
        float[] meanInput = correction.needsReadBack() ? meanFinalLayerInput(runner.model(), calibration) : null;
        List<EvaluationResult> raw = new ArrayList<>();
        List<EvaluationResult> corrected = new ArrayList<>();
        List<LogitMap> maps = new ArrayList<>();
        double evaluationSeconds = 0;
        for (int k = 0; k < runner.options().deployments(); k++) {
            Deployment d = runner.program(k);
            DeployedCore core = runner.core(d, k, seconds);
            EnsembleLogits cal = runner.logits(core, calibration, progress);
            long te = System.nanoTime();
            EnsembleLogits[] inOut = evaluations.of(k, core);
            evaluationSeconds += (System.nanoTime() - te) / 1e9;
            EnsembleLogits in = inOut[0];
            EnsembleLogits out = inOut[1];
            raw.add(Evaluation.of(in, test.labels(), temperature, out));
            CalibrationSet.FinalLayerReadBack readBack = meanInput == null ? null : readBack(runner.model(), core, meanInput);
            LogitMap map = correction.fit(new CalibrationSet(classes, flatten(cal), software, readBack));
            maps.add(map);
            corrected.add(Evaluation.of(apply(map, in), test.labels(), temperature, out == null ? null : apply(map, out)));
        }
        return new Result(softwareSameImages, raw, corrected, maps, correction.name(), (System.nanoTime() - t0) / 1e9,
                evaluationSeconds);
    }

    /**
     * What reading back the final layer gives: each synapse's probability of a +1 read (from its conductance, read
     * back with enough averaged reads that read noise is negligible), beside its software target.
     */
    static CalibrationSet.FinalLayerReadBack readBack(BbnnModel model, DeployedCore core, float[] meanInput) {
        int last = model.architecture().depth() - 1;
        LayerSpec l = model.architecture().layer(last);
        return new CalibrationSet.FinalLayerReadBack(core.realisedProbabilities(last),
                WeightSampler.probabilities(model.lambda(last)), meanInput, model.bnVar(last), l.bnEps());
    }

    /**
     * The calibration set's mean input to the final layer, computed digitally with the mode network (the
     * expected-shift estimate only needs its mean).
     */
    static float[] meanFinalLayerInput(BbnnModel model, Dataset calibration) {
        Architecture a = model.architecture();
        int last = a.depth() - 1;
        float[][] w = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            w[i] = WeightSampler.mode(model.lambda(i));
        }
        float[] x = ModelInputs.normalised(model, calibration);
        float[] h = NetworkForward.run(a, BatchNormStats.of(model), w, x, calibration.size(), 0, last);
        int fanIn = a.layer(last).fanIn();
        float[] mean = new float[fanIn];
        for (int n = 0; n < calibration.size(); n++) {
            for (int i = 0; i < fanIn; i++) {
                mean[i] += h[n * fanIn + i];
            }
        }
        for (int i = 0; i < fanIn; i++) {
            mean[i] /= calibration.size();
        }
        return mean;
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
