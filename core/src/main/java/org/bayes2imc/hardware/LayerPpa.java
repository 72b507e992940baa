package org.bayes2imc.hardware;


import java.util.Map;

/**
 * The PPA of one layer for one inference: its ops (2 per MAC over the S members), the arrays it occupies, its
 * latency, and its energy and area by component.
 *
 * @param arrays          physical crossbar arrays (all copies)
 * @param sampledRowFraction fraction of the layer's fan-in rows that are sampled per member (1 none/LS ensembled,
 *                        SP fraction under LS+RS, 0 when the layer runs once)
 */
public record LayerPpa(int index, String name, long macsPerPass, double ops, long arrays, int tiles,
                       double sampledRowFraction, double latencyNs, Map<String, Double> energyPj,
                       Map<String, Double> areaUm2) {

    public LayerPpa {
        // insertion order, not Map.copyOf: its iteration order changes from JVM to JVM, and so would the order of
        // the float sums below, i.e. the last bits of every total (a resumed demo differed from an uninterrupted one)
        energyPj = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(energyPj));
        areaUm2 = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(areaUm2));
    }

    public double energyTotalPj() {
        return energyPj.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double areaTotalUm2() {
        return areaUm2.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double energyUj() {
        return energyTotalPj() * 1e-6;
    }

    public double areaMm2() {
        return areaTotalUm2() * 1e-6;
    }

    public double latencyUs() {
        return latencyNs * 1e-3;
    }

    /** Ops per ns = giga-ops per second. */
    public double gops() {
        return latencyNs > 0 ? ops / latencyNs : 0;
    }

    /** ops / energy: ops per pJ × 1e3 = GOPS/W. */
    public double gopsPerW() {
        return energyTotalPj() > 0 ? ops / energyTotalPj() * 1e3 : 0;
    }

    /** Its results.json record (energy µJ, area mm², components sorted by name). */
    public PpaReport.Layer report() {
        Map<String, Double> e = new java.util.TreeMap<>();
        new java.util.TreeMap<>(energyPj).forEach((k, v) -> e.put(k, v * 1e-6));
        Map<String, Double> a = new java.util.TreeMap<>();
        new java.util.TreeMap<>(areaUm2).forEach((k, v) -> a.put(k, v * 1e-6));
        return new PpaReport.Layer(index, name, macsPerPass, ops, arrays, tiles, sampledRowFraction, latencyUs(),
                energyUj(), areaMm2(), gops(), gopsPerW(), e, a);
    }
}
