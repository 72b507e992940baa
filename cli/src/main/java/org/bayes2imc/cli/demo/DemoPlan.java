package org.bayes2imc.cli.demo;

import org.bayes2imc.correct.LogitCorrection;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.study.SharedWork;

/**
 * What every step of the demo shares, resolved once from the command line: the model, the slices of the data each
 * study reads, the base deployment options (device {@link #DEVICE}, read and design time {@link #TIME_SECONDS}) and
 * the study sizes.
 *
 * @param hardwareTest   test images per deployment of the hardware and sparsity studies
 * @param systematicTest test images of the systematic-variation scenario
 * @param shared         the model's work every study step shares (targets, activation ranges, software logits)
 */
public record DemoPlan(BbnnModel model, String modelKey, Dataset test, Dataset ood, Dataset calibration,
                       Dataset hardwareTest, Dataset hardwareOod, Dataset systematicTest, double systematicSeconds,
                       Dataset driftTest, Dataset driftOod, double[] driftTimes, String driftTimesText,
                       String driftSparsity, int driftDeployments, int samples, int deployments, int floorDeployments,
                       int sparsityDeployments, long seed, DeployOptions base, Progress progress,
                       SharedWork shared) {
    /** The device model of every demo study. */
    public static final String DEVICE = "ibm-pcm";
    /** Read time after programming, and the time the conductances are designed for, seconds. */
    public static final double TIME_SECONDS = 20.0;

    /** The logit correction of every demo study (docs/MODEL.md §7). */
    public LogitCorrection correction() {
        return LogitCorrections.byName(LogitCorrections.DEFAULT);
    }

    /** The settings the software step's output depends on, and the base of every later step's. */
    public StepKeys.Software softwareKey() {
        return new StepKeys.Software(modelKey, samples, seed, test.size(), ood.size());
    }

    /** The settings of the hardware step, and the base of the systematic, drift and sparsity steps'. */
    public StepKeys.Hardware hardwareKey() {
        return new StepKeys.Hardware(softwareKey(), hardwareTest.size(), hardwareOod.size(), deployments,
                calibration.size(), LogitCorrections.DEFAULT, TIME_SECONDS, TIME_SECONDS, true, floorDeployments);
    }
}
