package org.bayes2imc.device;

/**
 * The result of programming one device: the conductance it ended at (µS), how many full programming attempts
 * (program-and-verify rounds, RESETs included) it took, and how many pulses were applied in total — the counts
 * that energy accounting charges.
 */
public record ProgrammingOutcome(double conductanceMicroSiemens, int attempts, int pulses) {
    public ProgrammingOutcome {
        if (attempts < 1 || pulses < 1) {
            throw new IllegalArgumentException("attempts and pulses must be >= 1, got " + attempts + "/" + pulses);
        }
    }
}
