package org.bayes2imc.hardware;

/**
 * How a component figure moves between technology nodes (the rule stated in components.yaml): CMOS circuits scale
 * energy ∝ node·V², area ∝ node², latency ∝ node (constant-field scaling of switched capacitance and delay);
 * device-physics figures (a PCM read, V²·G·t) do not scale.
 */
public enum NodeScaling {
    CMOS,
    NONE;

    public double energyFactor(double fromNodeNm, double fromVddV, double toNodeNm, double toVddV) {
        if (this == NONE) {
            return 1.0;
        }
        double v = toVddV / fromVddV;
        return toNodeNm / fromNodeNm * v * v;
    }

    public double areaFactor(double fromNodeNm, double toNodeNm) {
        return this == NONE ? 1.0 : (toNodeNm / fromNodeNm) * (toNodeNm / fromNodeNm);
    }

    public double latencyFactor(double fromNodeNm, double toNodeNm) {
        return this == NONE ? 1.0 : toNodeNm / fromNodeNm;
    }
}
