package org.bayes2imc.hardware;

/**
 * How a component figure moves with its bit width: linear (adders, registers, comparators, LFSRs: energy and area
 * ∝ bits), exponential (SAR ADC: energy and area ∝ 2^bits after the Walden figure of merit and the binary-weighted
 * capacitor DAC, latency ∝ bits for one SAR step per bit), or none (fixed width).
 */
public enum WidthRule {
    NONE,
    LINEAR,
    EXPONENTIAL;

    public double energyFactor(int fromBits, int toBits) {
        return switch (this) {
            case NONE -> 1.0;
            case LINEAR -> (double) toBits / fromBits;
            case EXPONENTIAL -> Math.pow(2.0, toBits - fromBits);
        };
    }

    public double areaFactor(int fromBits, int toBits) {
        return energyFactor(fromBits, toBits);
    }

    public double latencyFactor(int fromBits, int toBits) {
        return this == EXPONENTIAL ? (double) toBits / fromBits : 1.0;
    }
}
