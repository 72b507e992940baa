package org.bayes2imc.hardware;


import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Power, performance and area of one design running one network for one inference (one image through all S
 * ensemble members): per-layer figures, totals and breakdowns by component, with every setting that produced them.
 */
public record PpaResult(String network, Design design, PipelineMode mode, SparsityProfile sparsity, int samples,
                        PpaConfig config, String componentsSource, List<LayerPpa> layers) {

    /** The ops definition printed with every figure. */
    public static final String OPS_DEFINITION = "ops = 2 per MAC (multiply + add) x MACs of one full network pass x S "
            + "ensemble members; the same count for every design and sparsity mode (a skipped or shared computation "
            + "still counts), so efficiency ratios compare the same work";

    public PpaResult {
        layers = List.copyOf(layers);
    }

    public double ops() {
        return layers.stream().mapToDouble(LayerPpa::ops).sum();
    }

    public double energyPj() {
        return layers.stream().mapToDouble(LayerPpa::energyTotalPj).sum();
    }

    public double energyUj() {
        return energyPj() * 1e-6;
    }

    public double areaMm2() {
        return layers.stream().mapToDouble(LayerPpa::areaMm2).sum();
    }

    /** Layers run one after another (no overlap between layers or images). */
    public double latencyNs() {
        return layers.stream().mapToDouble(LayerPpa::latencyNs).sum();
    }

    public double latencyUs() {
        return latencyNs() * 1e-3;
    }

    public long arrays() {
        return layers.stream().mapToLong(LayerPpa::arrays).sum();
    }

    public double gops() {
        return ops() / latencyNs();
    }

    public double gopsPerW() {
        return ops() / energyPj() * 1e3;
    }

    public double gopsPerWMm2() {
        return gopsPerW() / areaMm2();
    }

    /** Energy by component summed over layers (pJ). */
    public Map<String, Double> energyPjByComponent() {
        Map<String, Double> m = new TreeMap<>();
        layers.forEach(l -> l.energyPj().forEach((k, v) -> m.merge(k, v, Double::sum)));
        return m;
    }

    /** Area by component summed over layers (µm²). */
    public Map<String, Double> areaUm2ByComponent() {
        Map<String, Double> m = new TreeMap<>();
        layers.forEach(l -> l.areaUm2().forEach((k, v) -> m.merge(k, v, Double::sum)));
        return m;
    }

    /** Its results.json record. */
    public PpaReport report() {
        Map<String, Double> e = new java.util.LinkedHashMap<>();
        energyPjByComponent().forEach((k, v) -> e.put(k, v * 1e-6));
        Map<String, Double> a = new java.util.LinkedHashMap<>();
        areaUm2ByComponent().forEach((k, v) -> a.put(k, v * 1e-6));
        return new PpaReport(network, design.cliName(), mode.cliName(), sparsity.mode().label(),
                sparsity.firstEnsemblingLayer(), sparsity.spRowFraction(), samples, config, componentsSource,
                OPS_DEFINITION, ops(), arrays(), energyUj(), latencyUs(), areaMm2(), gops(), gopsPerW(), gopsPerWMm2(),
                e, a, layers.stream().map(LayerPpa::report).toList());
    }

    /** One row of a PPA table. */
    public PpaRow toRow() {
        return new PpaRow(network, design.cliName(), mode.cliName(), sparsity.mode().label(), samples, energyUj(),
                latencyUs(), areaMm2(), gops(), gopsPerW(), gopsPerWMm2());
    }
}
