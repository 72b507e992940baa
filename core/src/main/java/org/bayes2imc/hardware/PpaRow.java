package org.bayes2imc.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of a PPA table (docs/RESULTS.md): a design on a network, its totals and efficiency. */
public record PpaRow(String network, String design, String mode, String sparsity, int samples, double energyUj,
                     double latencyUs, double areaMm2, double gops, double gopsPerW, @JsonProperty("gops_per_w_mm2") double gopsPerWMm2) {

    /** The same row under another network label (the demo names its cases). */
    public PpaRow withNetwork(String name) {
        return new PpaRow(name, design, mode, sparsity, samples, energyUj, latencyUs, areaMm2, gops, gopsPerW,
                gopsPerWMm2);
    }
}
