package org.bayes2imc.device;

/**
 * Target conductances (µS) of one synapse: {@code positive} is the device read against G_ref (single device) or
 * G+ of a pair; {@code negative} is G− of a pair and NaN for a single device. {@code deterministic} marks SET/RESET.
 */
public record SynapseConductances(double positiveMicroSiemens, double negativeMicroSiemens, boolean deterministic) {
    public boolean isPair() {
        return !Double.isNaN(negativeMicroSiemens);
    }
}
