package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

import java.util.random.RandomGenerator;

/**
 * A device whose drift factor is known in closed form: programs exactly, every device drifts with the same ν
 * (g(t) = g·((t + t0)/t0)^−ν) and reads with σ_r = c·g. Then a reference rescaled by the measured drift factor keeps
 * (g(t) − G_ref(t))/σ_r(g(t)) — and so every sampling probability — exactly constant in time.
 */
record ConstantDriftDevice(double nu, double relativeReadSigma, double t0) implements DeviceModel {
    @Override
    public String name() {
        return "constant-drift";
    }

    @Override
    public double maxConductanceMicroSiemens() {
        return 25.0;
    }

    @Override
    public double program(double targetMicroSiemens, RandomGenerator rng) {
        return targetMicroSiemens;
    }

    @Override
    public double driftExponent(double programmedMicroSiemens, RandomGenerator rng) {
        return nu;
    }

    public double factor(double seconds) {
        return Math.pow((seconds + t0) / t0, -nu);
    }

    @Override
    public double drifted(double programmedMicroSiemens, double nu, double seconds) {
        return programmedMicroSiemens * Math.pow((seconds + t0) / t0, -nu);
    }

    @Override
    public DeviceModel withoutProgrammingNoiseAndDrift() {
        return new ConstantDriftDevice(0.0, relativeReadSigma, t0);
    }

    @Override
    public double meanDriftExponent(double programmedMicroSiemens) {
        return nu;
    }

    @Override
    public double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds) {
        return relativeReadSigma * Math.abs(driftedMicroSiemens);
    }
}
