package org.bayes2imc.cli.demo;

import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.study.SharedWork;

/**
 * What every step of the demo shares, resolved once from the command line and the experiment file: the model, the
 * slices of the data each study reads, the base deployment options (device, read and design time: by default
 * {@link #DEVICE} at {@link #TIME_SECONDS}) and the study sizes.
 *
 * @param hardwareTest     test images per deployment of the hardware and sparsity studies
 * @param systematicTest   test images of the systematic-variation scenario
 * @param correctionMethod the logit correction of every demo study (docs/MODEL.md §7)
 * @param experiment       the experiment file's settings beyond the demo's own options, part of every step's cache
 *                         key; null when the file sets nothing else (the demo's defaults, keys as before files)
 * @param shared           the model's work every study step shares (targets, activation ranges, software logits)
 */
public record DemoPlan(BbnnModel model, String modelKey, Dataset test, Dataset ood, Dataset calibration,
                       Dataset hardwareTest, Dataset hardwareOod, Dataset systematicTest, double systematicSeconds,
                       Dataset driftTest, Dataset driftOod, double[] driftTimes, String driftTimesText,
                       String driftSparsity, int driftDeployments, int samples, int deployments, int floorDeployments,
                       int sparsityDeployments, long seed, DeployOptions base, String correctionMethod,
                       ExperimentConfig experiment, Progress progress, SharedWork shared) {
    /** The device model of the demo's studies unless an experiment file names another. */
    public static final String DEVICE = "ibm-pcm";
    /** Read time after programming, and the time the conductances are designed for, unless a file sets them, seconds. */
    public static final double TIME_SECONDS = 20.0;

    /** The logit correction of every demo study (docs/MODEL.md §7). */
    public LogitCorrection correction() {
        return LogitCorrections.byName(correctionMethod);
    }

    /** Read time of the hardware and sparsity studies, seconds. */
    public double seconds() {
        return base.seconds();
    }

    /** The settings the software step's output depends on, and the base of every later step's. */
    public StepKeys.Software softwareKey() {
        return new StepKeys.Software(modelKey, samples, seed, test.size(), ood.size());
    }

    /** The settings of the hardware step, and the base of the systematic, drift and sparsity steps'. */
    public StepKeys.Hardware hardwareKey() {
        return new StepKeys.Hardware(softwareKey(), hardwareTest.size(), hardwareOod.size(), deployments,
                calibration.size(), correctionMethod, base.seconds(), base.mappingSeconds(), true, floorDeployments,
                experiment);
    }
}
