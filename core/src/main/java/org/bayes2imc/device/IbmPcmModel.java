package org.bayes2imc.device;

import java.util.random.RandomGenerator;

/**
 * The IBM statistical PCM model (Nandakumar et al. 2019; Joshi et al., Nat. Commun. 2020; as in IBM aihwkit's
 * {@code PCMLikeNoiseModel}), docs/MODEL.md §4.1: polynomial programming noise, a per-device drift exponent, power-law
 * drift from t0 and 1/f read noise growing with ln of the time since programming. Times in the API are seconds
 * since programming (t_inf); the model adds t0 internally, so t_inf = 0 is the first read at t0 (drift factor 1).
 * Read noise takes the programmed and the drifted conductance: by default Q_s is evaluated at the programmed
 * conductance, as aihwkit does ({@link ReadNoiseConductance}).
 */
public final class IbmPcmModel implements DeviceModel {
    public static final String NAME = "ibm-pcm";
    private final IbmPcmConfig config;

    public IbmPcmModel(IbmPcmConfig config) {
        this.config = config;
    }

    public IbmPcmModel() {
        this(IbmPcmConfig.defaults());
    }

    public IbmPcmConfig config() {
        return config;
    }

    /** Models with equal configurations behave identically (so work keyed by the device can be shared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof IbmPcmModel m && m.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double maxConductanceMicroSiemens() {
        return config.gMaxMicroSiemens();
    }

    /** σ_p(g_T) in µS, before the noise scale: (c0 + c1·x + c2·x²)·(g_max/25), x = g_T/g_max. */
    public double programmingNoiseSigma(double targetMicroSiemens) {
        double x = targetMicroSiemens / config.gMaxMicroSiemens();
        return (config.programmingNoiseC0() + config.programmingNoiseC1() * x + config.programmingNoiseC2() * x * x)
                * (config.gMaxMicroSiemens() / 25.0);
    }

    /** μ_ν(g) = clip(slope·ln g_r + intercept, min, max), g_r = max(g/g_max, 1e-7). */
    public double driftExponentMean(double programmedMicroSiemens) {
        double lnGr = Math.log(relative(programmedMicroSiemens));
        return clip(config.driftMeanSlope() * lnGr + config.driftMeanIntercept(), config.driftMeanMin(), config.driftMeanMax());
    }

    /** σ_ν(g) = clip(slope·ln g_r + intercept, min, max). */
    public double driftExponentStd(double programmedMicroSiemens) {
        double lnGr = Math.log(relative(programmedMicroSiemens));
        return clip(config.driftStdSlope() * lnGr + config.driftStdIntercept(), config.driftStdMin(), config.driftStdMax());
    }

    /** The drift factor (t/t0)^(−ν) with t = t_inf + t0. */
    public double driftFactor(double nu, double seconds) {
        checkTime(seconds);
        return Math.pow((seconds + config.t0Seconds()) / config.t0Seconds(), -nu);
    }

    /** Q_s(g) = min(0.0088 / max((g/g_max)^0.65, 1e-3), 0.2), the read noise per unit conductance. */
    public double readNoiseQs(double conductanceMicroSiemens) {
        double rel = Math.abs(conductanceMicroSiemens) / config.gMaxMicroSiemens();
        double denom = Math.max(Math.pow(rel, config.readNoiseExponent()), config.readNoiseMinDenominator());
        return Math.min(config.readNoiseQsNumerator() / denom, config.readNoiseQsMax());
    }

    /** sqrt(ln((t + t_read)/(2·t_read))) with t = t_inf + t0: the 1/f noise's growth with the time since programming. */
    public double readNoiseTimeFactor(double seconds) {
        checkTime(seconds);
        double t = seconds + config.t0Seconds();
        return Math.sqrt(Math.log((t + config.tReadSeconds()) / (2.0 * config.tReadSeconds())));
    }

    /** g_prog = g_T + scale·σ_p(g_T)·N(0,1), clamped at the floor; the target is first clamped into [0, g_max]. */
    @Override
    public double program(double targetMicroSiemens, RandomGenerator rng) {
        double target = clip(targetMicroSiemens, 0.0, config.gMaxMicroSiemens());
        // The Gaussian is drawn even when the scale is 0, so ablations with the same seed see the same streams.
        double g = target + config.programmingNoiseScale() * programmingNoiseSigma(target) * rng.nextGaussian();
        return Math.max(config.minConductanceMicroSiemens(), g);
    }

    /**
     * ν = scale·|μ_ν + σ_ν·N(0,1)|; one Gaussian is drawn even when the scale is 0, so seeds stay aligned.
     * aihwkit evaluates μ_ν and σ_ν at the target conductance; pass the target for fidelity to it.
     */
    @Override
    public double driftExponent(double programmedMicroSiemens, RandomGenerator rng) {
        double z = rng.nextGaussian();
        return config.driftScale()
                * Math.abs(driftExponentMean(programmedMicroSiemens) + driftExponentStd(programmedMicroSiemens) * z);
    }

    @Override
    public double drifted(double programmedMicroSiemens, double nu, double seconds) {
        return programmedMicroSiemens * driftFactor(nu, seconds);
    }

    /**
     * scale·E|μ_ν + σ_ν·N(0,1)| (folded-normal mean) at g: the exponent the mapping expects, so that the expected
     * conductance at a design read time is g·((t_d + t0)/t0)^(−E[ν]).
     */
    @Override
    public IbmPcmModel withoutProgrammingNoiseAndDrift() {
        return new IbmPcmModel(config.withNoiseScales(0.0, config.readNoiseScale(), 0.0));
    }

    @Override
    public double meanDriftExponent(double programmedMicroSiemens) {
        return config.driftScale()
                * Gaussian.foldedNormalMean(driftExponentMean(programmedMicroSiemens), driftExponentStd(programmedMicroSiemens));
    }

    /**
     * scale·|g_d|·Q_s(g_q)·sqrt(ln((t + t_read)/(2·t_read))), with g_q the programmed conductance (aihwkit,
     * default) or the drifted one, as configured.
     */
    @Override
    public double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds) {
        double qsAt = config.readNoiseConductance() == ReadNoiseConductance.PROGRAMMED
                ? programmedMicroSiemens : driftedMicroSiemens;
        return config.readNoiseScale() * Math.abs(driftedMicroSiemens) * readNoiseQs(qsAt) * readNoiseTimeFactor(seconds);
    }

    private double relative(double g) {
        return Math.max(g / config.gMaxMicroSiemens(), config.driftMinRelativeConductance());
    }

    static double clip(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }

    static void checkTime(double seconds) {
        if (!(seconds >= 0.0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time since programming must be a finite number of seconds >= 0, got " + seconds);
        }
    }
}
