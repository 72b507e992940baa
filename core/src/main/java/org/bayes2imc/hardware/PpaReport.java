package org.bayes2imc.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * results.json {@code result} of the ppa command (docs/RESULTS.md): one design running one network for one inference,
 * with every setting, the totals (energy µJ, latency µs, area mm²), efficiency, breakdowns by component and per layer.
 */
public record PpaReport(String network, String design, String mode, String sparsity, int firstEnsemblingLayer,
                        List<Double> spRowFraction, int samples, PpaConfig config, String components,
                        String opsDefinition, double ops, long arrays, double energyUj, double latencyUs,
                        double areaMm2, double gops, double gopsPerW, @JsonProperty("gops_per_w_mm2") double gopsPerWMm2,
                        Map<String, Double> energyUjByComponent, Map<String, Double> areaMm2ByComponent,
                        List<Layer> layers) {

    /** One layer's figures. */
    public record Layer(int index, String name, long macsPerPass, double ops, long arrays, int tiles,
                        double sampledRowFraction, double latencyUs, double energyUj, double areaMm2, double gops,
                        double gopsPerW, Map<String, Double> energyUjByComponent,
                        Map<String, Double> areaMm2ByComponent) {
    }
}
