package org.bayes2imc.device;

import java.util.random.RandomGenerator;

/**
 * The reference device: programs exactly the target, never drifts, and reads with a constant Gaussian σ, so a
 * synapse mapped by {@link ConductanceSolver} is sampled with exactly the intended p. Not a physical device; the
 * yardstick against which the PCM models' effects are measured.
 */
public final class IdealDevice implements DeviceModel {
    public static final String NAME = "ideal";
    /** Default read σ [choice: 1 µS, so p ∈ [0.01, 0.99] maps to G_ref ± 2.3 µS, well inside [0, g_max]]. */
    public static final double DEFAULT_READ_SIGMA_MICROSIEMENS = 1.0;
    private final double readSigmaMicroSiemens;
    private final double maxConductanceMicroSiemens;

    /** @param readSigmaMicroSiemens constant read σ (≥ 0); @param maxConductanceMicroSiemens g_max (> 0) */
    public IdealDevice(double readSigmaMicroSiemens, double maxConductanceMicroSiemens) {
        IbmPcmConfig.nonNegative("ideal device read sigma", readSigmaMicroSiemens);
        IbmPcmConfig.positive("ideal device g_max", maxConductanceMicroSiemens);
        this.readSigmaMicroSiemens = readSigmaMicroSiemens;
        this.maxConductanceMicroSiemens = maxConductanceMicroSiemens;
    }

    /** σ = 1 µS, g_max = 25 µS. */
    public IdealDevice() {
        this(DEFAULT_READ_SIGMA_MICROSIEMENS, 25.0);
    }

    public double readSigmaMicroSiemens() {
        return readSigmaMicroSiemens;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double maxConductanceMicroSiemens() {
        return maxConductanceMicroSiemens;
    }

    /** Exactly the target, clamped into [0, g_max]; no random draw. */
    @Override
    public double program(double targetMicroSiemens, RandomGenerator rng) {
        return IbmPcmModel.clip(targetMicroSiemens, 0.0, maxConductanceMicroSiemens);
    }

    /** Exactly the (clamped) target. */
    @Override
    public QuadratureNodes programmedDistribution(double targetMicroSiemens) {
        return QuadratureNodes.single(program(targetMicroSiemens, null));
    }

    @Override
    public QuadratureNodes driftExponentDistribution(double targetMicroSiemens) {
        return QuadratureNodes.single(0.0);
    }

    @Override
    public double driftExponent(double programmedMicroSiemens, RandomGenerator rng) {
        return 0.0;
    }

    @Override
    public double drifted(double programmedMicroSiemens, double nu, double seconds) {
        IbmPcmModel.checkTime(seconds);
        return programmedMicroSiemens;
    }

    /** Already exact and drift-free. */
    @Override
    public IdealDevice withoutProgrammingNoiseAndDrift() {
        return this;
    }

    @Override
    public double meanDriftExponent(double programmedMicroSiemens) {
        return 0.0;
    }

    @Override
    public double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds) {
        return readSigmaMicroSiemens;
    }
}
