package org.bayes2imc.imc;

import org.bayes2imc.metrics.Calibration;
import org.bayes2imc.metrics.Metrics;

import java.util.List;

/**
 * results.json {@code hardware} of the deploy command (docs/RESULTS.md): the deployment study's settings in brief, a
 * {@link Spread} per metric over the K deployments, the per-deployment rows, the raw reliability diagram pooled
 * over deployments, and the array and work accounting of the deployed core.
 */
public record DeployHardware(int deployments, double timeSeconds, String device, String design, String compensation,
                             String sparsity, int samples, Spread accuracy, Spread nll, Spread brier, Spread ece,
                             Spread entropyMean, Spread aleatoricMean, Spread epistemicMean,
                             Spread accuracyCalibrated, Spread nllCalibrated, Spread brierCalibrated,
                             Spread eceCalibrated, Spread oodAurocEntropy, Spread oodAuprEntropy,
                             Spread oodFpr95Entropy, Spread oodAurocMi, Spread oodAuprMi, Spread oodFpr95Mi,
                             List<Metrics> perDeployment, List<Calibration.Bin> reliability, int arrays,
                             List<LayerArrays> arraysPerLayer, long sharedMacsPerImage, long memberMacsPerImage,
                             double seconds, double imagesPerSecond) {

    /** One layer's crossbar tiling: arrays, row and column blocks, and the share of cells used. */
    public record LayerArrays(int layer, int arrays, int rowBlocks, int columnBlocks, double utilisation) {
    }
}
