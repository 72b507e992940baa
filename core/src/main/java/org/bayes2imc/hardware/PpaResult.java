package org.bayes2imc.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

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

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("network", network);
        o.put("design", design.cliName());
        o.put("mode", mode.cliName());
        o.put("sparsity", sparsity.mode().label());
        o.put("first_ensembling_layer", sparsity.firstEnsemblingLayer());
        ArrayNode sp = o.putArray("sp_row_fraction");
        sparsity.spRowFraction().forEach(sp::add);
        o.put("samples", samples);
        o.set("config", config.toJson());
        o.put("components", componentsSource);
        o.put("ops_definition", OPS_DEFINITION);
        o.put("ops", ops());
        o.put("arrays", arrays());
        o.put("energy_uj", energyUj());
        o.put("latency_us", latencyUs());
        o.put("area_mm2", areaMm2());
        o.put("gops", gops());
        o.put("gops_per_w", gopsPerW());
        o.put("gops_per_w_mm2", gopsPerWMm2());
        ObjectNode e = o.putObject("energy_uj_by_component");
        energyPjByComponent().forEach((k, v) -> e.put(k, v * 1e-6));
        ObjectNode a = o.putObject("area_mm2_by_component");
        areaUm2ByComponent().forEach((k, v) -> a.put(k, v * 1e-6));
        ArrayNode ls = o.putArray("layers");
        layers.forEach(l -> ls.add(l.toJson()));
        return o;
    }

    /** One row of the demo's ppa.rows table. */
    public ObjectNode toRow() {
        ObjectNode o = Json.object();
        o.put("network", network);
        o.put("design", design.cliName());
        o.put("mode", mode.cliName());
        o.put("sparsity", sparsity.mode().label());
        o.put("samples", samples);
        o.put("energy_uj", energyUj());
        o.put("latency_us", latencyUs());
        o.put("area_mm2", areaMm2());
        o.put("gops", gops());
        o.put("gops_per_w", gopsPerW());
        o.put("gops_per_w_mm2", gopsPerWMm2());
        return o;
    }
}
