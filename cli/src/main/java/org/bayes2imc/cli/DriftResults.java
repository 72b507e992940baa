package org.bayes2imc.cli;

import org.bayes2imc.study.DriftRow;

import java.util.List;

/**
 * The drift command's results.json (docs/RESULTS.md, "drift"): its settings, one {@code drift} row per time and
 * compensation, and each cell's per-deployment accuracies.
 */
public record DriftResults(int schemaVersion, String command, Settings settings, List<DriftRow> drift,
                           List<PerDeployment> driftPerDeployment, Timing timing) {

    /**
     * The settings that produced the sweep; {@code times} and {@code compensations} as given on the command line,
     * {@code designTimeSeconds} the mapping's design read time, {@code spreadFloor} whether rows carry the floor.
     */
    public record Settings(String model, String dataset, int images, String ood, int oodImages, String times,
                           double designTimeSeconds, String compensations, String correction, boolean spreadFloor,
                           int referenceDevices, int samples, int deployments, String device, String sparsity,
                           int calibrationImages, long seed, int threads) {
    }

    /** One cell's accuracy per deployment. */
    public record PerDeployment(double timeSeconds, String compensation, List<Double> accuracy) {
    }
}
