package org.bayes2imc.hardware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

/**
 * How much better a design is than a baseline on the same network and work: every ratio is oriented so that > 1
 * means the subject is better (baseline energy / subject energy, subject GOPS/W / baseline GOPS/W, ...).
 */
public record PpaComparison(PpaResult subject, PpaResult baseline) {

    public double energyRatio() {
        return baseline.energyPj() / subject.energyPj();
    }

    public double areaRatio() {
        return baseline.areaMm2() / subject.areaMm2();
    }

    public double latencyRatio() {
        return baseline.latencyNs() / subject.latencyNs();
    }

    public double gopsRatio() {
        return subject.gops() / baseline.gops();
    }

    public double gopsPerWRatio() {
        return subject.gopsPerW() / baseline.gopsPerW();
    }

    public double gopsPerWMm2Ratio() {
        return subject.gopsPerWMm2() / baseline.gopsPerWMm2();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("subject", subject.design().cliName() + "/" + subject.mode().cliName() + "/" + subject.sparsity().mode().label());
        o.put("baseline", baseline.design().cliName() + "/" + baseline.mode().cliName() + "/" + baseline.sparsity().mode().label());
        o.put("orientation", "every ratio > 1 means the subject is better (less energy, area, latency; more GOPS, GOPS/W, GOPS/W/mm2)");
        o.put("energy_ratio", energyRatio());
        o.put("area_ratio", areaRatio());
        o.put("latency_ratio", latencyRatio());
        o.put("gops_ratio", gopsRatio());
        o.put("gops_per_w_ratio", gopsPerWRatio());
        o.put("gops_per_w_mm2_ratio", gopsPerWMm2Ratio());
        return o;
    }
}
