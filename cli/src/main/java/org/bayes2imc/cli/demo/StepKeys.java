package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.bayes2imc.config.ExperimentConfig;

/**
 * The settings each demo step is cached under ({@link StepCache}): a step is reused only when these match the stored
 * ones as text, so each record's component order is its key order and must stay as is (an existing output folder's
 * steps would otherwise all be recomputed). Each later step's key extends the one it builds on.
 */
public final class StepKeys {
    private StepKeys() {
    }

    /** The software ensemble: the model and the images it is evaluated on. */
    public record Software(String modelKey, int samples, long seed, int testImages, int oodImages) {
    }

    /**
     * The hardware deployments at the demo's reference time (docs/MODEL.md §4.3, §7.1); {@code experiment} is an
     * experiment file's other settings, absent (and so not in the key) when it sets none.
     */
    public record Hardware(@JsonUnwrapped Software software, int hardwareTestImages, int hardwareOodImages,
                           int deployments, int calibrationImages, String correction, double timeSeconds,
                           double designTimeSeconds, boolean spreadFloor, int floorDeployments,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ExperimentConfig experiment) {
    }

    /** The systematic (deployment-to-deployment) spread study. */
    public record Systematic(@JsonUnwrapped Hardware hardware, int systematicImages, double systematicTimeSeconds,
                             String systematicCompensation) {
    }

    /** The drift sweep over times (docs/MODEL.md §7.2). */
    public record Drift(@JsonUnwrapped Hardware hardware, int driftTestImages, String times, String driftSparsity,
                        int driftDeployments, int driftOodImages, String driftCorrection, boolean driftFloor) {
    }

    /** The sampling-sparsity comparison on hardware (docs/MODEL.md §8). */
    public record Sparsity(@JsonUnwrapped Hardware hardware, String sparsityModes, int sparsityDeployments) {
    }
}
