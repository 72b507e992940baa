package org.bayes2imc.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * results.json {@code ratios} of a PPA comparison (docs/RESULTS.md): subject and baseline as design/mode/sparsity,
 * and every ratio oriented so that > 1 means the subject is better.
 */
public record PpaRatios(String subject, String baseline, String orientation, double energyRatio, double areaRatio,
                        double latencyRatio, double gopsRatio, @JsonProperty("gops_per_w_ratio") double gopsPerWRatio,
                        @JsonProperty("gops_per_w_mm2_ratio") double gopsPerWMm2Ratio) {
}
