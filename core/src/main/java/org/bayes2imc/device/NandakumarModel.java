package org.bayes2imc.device;

import java.util.random.RandomGenerator;

/**
 * The Nandakumar et al. 2018 (J. Appl. Phys. 124, 152135) PCM model, docs/MODEL.md §4.2: state-dependent stochastic SET
 * increments with a pulse-history term P, Gaussian RESET, read noise linear in G, power-law drift with a fixed ν,
 * and iterative program-and-verify.
 *
 * <p>Program-and-verify ({@link #programWithOutcome}): RESET (G ~ N(0.1, 0.01) floored at 0, P = 1), then repeat: read the
 * device once (with the model's read noise); stop if |read − target| ≤ tolerance; if the read overshoots
 * (read > target + tolerance) RESET again and start over with P = 1; otherwise apply one SET pulse,
 * G ← clamp(G + N(μ(G, P), σ(G, P))), P ← P·e^(−1/2.6). Every SET and RESET counts as a pulse; after the
 * configured maximum the device is left where it is. The target is clamped to [g_min, g_max].
 *
 * <p>Drift: G(t) = G_p·(t/T0)^(−ν) for t ≥ T0, where t is the time since programming and G_p the programmed
 * value, which the fit defines as the conductance measured T0 = 38.6 s after the last pulse. For t &lt; T0 the
 * power law would exceed G_p and diverge at t = 0, so the model holds G at G_p there (drift factor 1).
 */
public final class NandakumarModel implements DeviceModel {
    public static final String NAME = "nandakumar";
    private final NandakumarConfig config;
    private final double pulseDecayFactor;

    public NandakumarModel(NandakumarConfig config) {
        this.config = config;
        this.pulseDecayFactor = Math.exp(-1.0 / config.pulseDecay());
    }

    public NandakumarModel() {
        this(NandakumarConfig.defaults());
    }

    public NandakumarConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double maxConductanceMicroSiemens() {
        return config.gMaxMicroSiemens();
    }

    /** Mean SET increment μ(G, P) = −0.084·G + 0.880 + 1.40·P (µS). */
    public double setIncrementMean(double g, double pulseState) {
        return config.setMeanSlope() * g + config.setMeanIntercept() + config.setMeanPulseTerm() * pulseState;
    }

    /** Standard deviation of the SET increment σ(G, P) = 0.091·G + 0.260 + 2.15·P (µS). */
    public double setIncrementStd(double g, double pulseState) {
        return config.setStdSlope() * g + config.setStdIntercept() + config.setStdPulseTerm() * pulseState;
    }

    /** P after one more SET pulse: P·e^(−1/2.6). */
    public double nextPulseState(double pulseState) {
        return pulseState * pulseDecayFactor;
    }

    /**
     * A RESET: G ~ N(0.1, 0.01), floored at 0 only — clamping at g_min = 0.1 would cut the published RESET
     * distribution in half; the [g_min, g_max] clamp applies to SET pulses and drift.
     */
    public double reset(RandomGenerator rng) {
        return Math.max(0.0, config.resetMeanMicroSiemens()
                + config.programmingNoiseScale() * config.resetStdMicroSiemens() * rng.nextGaussian());
    }

    /** One SET pulse from G with pulse state P: G + N(μ, σ), clamped. */
    public double setPulse(double g, double pulseState, RandomGenerator rng) {
        double increment = setIncrementMean(g, pulseState)
                + config.programmingNoiseScale() * setIncrementStd(g, pulseState) * rng.nextGaussian();
        return clamp(g + increment);
    }

    @Override
    public double program(double targetMicroSiemens, RandomGenerator rng) {
        return programWithOutcome(targetMicroSiemens, rng).conductanceMicroSiemens();
    }

    @Override
    public ProgrammingOutcome programWithOutcome(double targetMicroSiemens, RandomGenerator rng) {
        double target = clamp(targetMicroSiemens);
        double tol = config.verifyToleranceMicroSiemens();
        double g = reset(rng);
        double p = 1.0;
        int pulses = 1;
        int attempts = 1;
        while (true) {
            double r = read(g, g, 0.0, rng);
            if (Math.abs(r - target) <= tol || pulses >= config.maxPulses()) {
                break;
            }
            if (r > target + tol) {
                g = reset(rng);
                p = 1.0;
                attempts++;
            } else {
                g = setPulse(g, p, rng);
                p = nextPulseState(p);
            }
            pulses++;
        }
        return new ProgrammingOutcome(g, attempts, pulses);
    }

    /** ν = scale·|0.04 + σ_ν·N(0,1)|; one Gaussian is always drawn so seeds stay aligned across settings. */
    @Override
    public double driftExponent(double programmedMicroSiemens, RandomGenerator rng) {
        double z = rng.nextGaussian();
        return config.driftScale() * Math.abs(config.driftExponent() + config.driftExponentStd() * z);
    }

    /** Gauss–Hermite nodes (6) of scale·|0.04 + σ_ν·N(0, 1)|, as {@link #driftExponent} draws (one node when σ_ν = 0). */
    @Override
    public QuadratureNodes driftExponentDistribution(double targetMicroSiemens) {
        double m = config.driftExponent();
        double s = config.driftExponentStd();
        if (s == 0.0) {
            return QuadratureNodes.single(config.driftScale() * Math.abs(m));
        }
        return QuadratureNodes.standardNormal(6).map(z -> config.driftScale() * Math.abs(m + s * z));
    }

    /** The drift factor (t/T0)^(−ν) for t ≥ T0, 1 before (see the class comment). */
    public double driftFactor(double nu, double seconds) {
        IbmPcmModel.checkTime(seconds);
        return seconds <= config.driftReferenceSeconds() ? 1.0 : Math.pow(seconds / config.driftReferenceSeconds(), -nu);
    }

    /** G_p·drift factor, never below g_min (or below G_p, if a RESET left the device under g_min), never above g_max. */
    @Override
    public double drifted(double programmedMicroSiemens, double nu, double seconds) {
        double floor = Math.min(programmedMicroSiemens, config.gMinMicroSiemens());
        return Math.min(config.gMaxMicroSiemens(), Math.max(floor, programmedMicroSiemens * driftFactor(nu, seconds)));
    }

    @Override
    public NandakumarModel withoutProgrammingNoiseAndDrift() {
        return new NandakumarModel(config.withNoiseScales(0.0, config.readNoiseScale(), 0.0));
    }

    /** scale·E|0.04 + σ_ν·N(0,1)| (folded-normal mean). */
    @Override
    public double meanDriftExponent(double programmedMicroSiemens) {
        return config.driftScale() * Gaussian.foldedNormalMean(config.driftExponent(), config.driftExponentStd());
    }

    /** scale·(0.03·G + 0.13) at the drifted mean G (the published fit is of reads at read time), independent of time. */
    @Override
    public double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds) {
        IbmPcmModel.checkTime(seconds);
        return config.readNoiseScale()
                * (config.readNoiseSlope() * Math.abs(driftedMicroSiemens) + config.readNoiseIntercept());
    }

    private double clamp(double g) {
        return IbmPcmModel.clip(g, config.gMinMicroSiemens(), config.gMaxMicroSiemens());
    }
}
