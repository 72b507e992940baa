package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** results.json {@code settings} of the demo (docs/RESULTS.md): every setting that produced its figures. */
public record DemoSettings(String model, String modelKey, JsonNode training, String dataset, String oodDataset,
                           int testImages, int oodImages, int hardwareTestImages, int hardwareOodImages,
                           int driftTestImages, String driftSparsity, int driftDeployments, int driftOodImages,
                           int calibrationImages, String calibrationSource, int samples, int deployments,
                           String device, double timeSeconds, String correction, long seed, int threads) {
}
