package org.bayes2imc.hardware;


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

    /** Its results.json record. */
    public PpaRatios ratios() {
        return new PpaRatios(label(subject), label(baseline),
                "every ratio > 1 means the subject is better (less energy, area, latency; more GOPS, GOPS/W, GOPS/W/mm2)",
                energyRatio(), areaRatio(), latencyRatio(), gopsRatio(), gopsPerWRatio(), gopsPerWMm2Ratio());
    }

    private static String label(PpaResult r) {
        return r.design().cliName() + "/" + r.mode().cliName() + "/" + r.sparsity().mode().label();
    }
}
