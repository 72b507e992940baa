package org.bayes2imc.device;

/**
 * Every coefficient of the IBM statistical PCM model (Nandakumar et al. 2019; Joshi et al. 2020; IBM aihwkit
 * {@code PCMLikeNoiseModel}), docs/MODEL.md §4.1, with noise scales that switch effects off (1 = as published, 0 = off).
 * Conductances in µS, times in seconds. Defaults: {@link #defaults()}.
 *
 * @param gMaxMicroSiemens            g_max, the conductance the polynomials are normalised to (25 µS)
 * @param t0Seconds                   t0, the reference time of drift and of the first read after programming (20 s)
 * @param tReadSeconds                t_read, the duration of one read (250 ns)
 * @param programmingNoiseC0          σ_p polynomial constant term (0.26348 µS at g_max = 25)
 * @param programmingNoiseC1          σ_p polynomial linear term in x = g_T/g_max (1.9650)
 * @param programmingNoiseC2          σ_p polynomial quadratic term (−1.1731)
 * @param driftMeanSlope              μ_ν = slope·ln g_r + intercept (−0.0155)
 * @param driftMeanIntercept          (0.0244)
 * @param driftMeanMin                clip of μ_ν (0.049)
 * @param driftMeanMax                (0.1)
 * @param driftStdSlope               σ_ν = slope·ln g_r + intercept (−0.0125)
 * @param driftStdIntercept           (−0.0059)
 * @param driftStdMin                 clip of σ_ν (0.008)
 * @param driftStdMax                 (0.045)
 * @param driftMinRelativeConductance g_r = max(g/g_max, this) (1e-7)
 * @param readNoiseQsNumerator        Q_s = min(numerator / max((g/g_max)^exponent, minDenominator), max) (0.0088)
 * @param readNoiseExponent           (0.65)
 * @param readNoiseMinDenominator     (1e-3)
 * @param readNoiseQsMax              (0.2)
 * @param readNoiseConductance        where Q_s is evaluated: PROGRAMMED (as aihwkit, default) or DRIFTED
 * @param minConductanceMicroSiemens  programmed conductances are clamped at this floor (0 µS)
 * @param programmingNoiseScale       multiplies σ_p (1; 0 programs exactly the target)
 * @param readNoiseScale              multiplies the read σ (1; 0 gives noiseless reads)
 * @param driftScale                  multiplies the drawn ν (1; 0 switches drift off)
 */
public record IbmPcmConfig(
        double gMaxMicroSiemens, double t0Seconds, double tReadSeconds,
        double programmingNoiseC0, double programmingNoiseC1, double programmingNoiseC2,
        double driftMeanSlope, double driftMeanIntercept, double driftMeanMin, double driftMeanMax,
        double driftStdSlope, double driftStdIntercept, double driftStdMin, double driftStdMax,
        double driftMinRelativeConductance,
        double readNoiseQsNumerator, double readNoiseExponent, double readNoiseMinDenominator, double readNoiseQsMax,
        ReadNoiseConductance readNoiseConductance,
        double minConductanceMicroSiemens,
        double programmingNoiseScale, double readNoiseScale, double driftScale) {

    public IbmPcmConfig {
        positive("g_max", gMaxMicroSiemens);
        if (readNoiseConductance == null) {
            throw new IllegalArgumentException("IBM PCM read noise conductance choice is missing");
        }
        positive("t0", t0Seconds);
        positive("t_read", tReadSeconds);
        positive("drift min relative conductance", driftMinRelativeConductance);
        positive("read noise min denominator", readNoiseMinDenominator);
        if (driftMeanMin > driftMeanMax || driftStdMin > driftStdMax) {
            throw new IllegalArgumentException("IBM PCM drift clip: min above max");
        }
        scale("programming noise scale", programmingNoiseScale);
        scale("read noise scale", readNoiseScale);
        scale("drift scale", driftScale);
        if (!(minConductanceMicroSiemens >= 0.0 && minConductanceMicroSiemens < gMaxMicroSiemens)) {
            throw new IllegalArgumentException("IBM PCM min conductance must lie in [0, g_max), got " + minConductanceMicroSiemens);
        }
    }

    /** The published coefficients (docs/MODEL.md §4.1), all noise scales 1. */
    public static IbmPcmConfig defaults() {
        return new IbmPcmConfig(25.0, 20.0, 250e-9,
                0.26348, 1.9650, -1.1731,
                -0.0155, 0.0244, 0.049, 0.1,
                -0.0125, -0.0059, 0.008, 0.045,
                1e-7,
                0.0088, 0.65, 1e-3, 0.2,
                ReadNoiseConductance.PROGRAMMED,
                0.0,
                1.0, 1.0, 1.0);
    }

    /** The same coefficients with other noise scales (1 = published, 0 = effect off). */
    public IbmPcmConfig withNoiseScales(double programming, double read, double drift) {
        return new IbmPcmConfig(gMaxMicroSiemens, t0Seconds, tReadSeconds,
                programmingNoiseC0, programmingNoiseC1, programmingNoiseC2,
                driftMeanSlope, driftMeanIntercept, driftMeanMin, driftMeanMax,
                driftStdSlope, driftStdIntercept, driftStdMin, driftStdMax,
                driftMinRelativeConductance,
                readNoiseQsNumerator, readNoiseExponent, readNoiseMinDenominator, readNoiseQsMax,
                readNoiseConductance, minConductanceMicroSiemens, programming, read, drift);
    }

    /** The same coefficients with Q_s evaluated at the given conductance. */
    public IbmPcmConfig withReadNoiseConductance(ReadNoiseConductance choice) {
        return new IbmPcmConfig(gMaxMicroSiemens, t0Seconds, tReadSeconds,
                programmingNoiseC0, programmingNoiseC1, programmingNoiseC2,
                driftMeanSlope, driftMeanIntercept, driftMeanMin, driftMeanMax,
                driftStdSlope, driftStdIntercept, driftStdMin, driftStdMax,
                driftMinRelativeConductance,
                readNoiseQsNumerator, readNoiseExponent, readNoiseMinDenominator, readNoiseQsMax,
                choice, minConductanceMicroSiemens, programmingNoiseScale, readNoiseScale, driftScale);
    }

    static void positive(String what, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
    }

    static void nonNegative(String what, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v);
        }
    }

    /** Largest noise or drift scale: 100 × the published figures already saturates every device; beyond, ν std overflows. */
    public static final double MAX_SCALE = 100.0;

    /** A noise/drift scale: finite, in [0, {@link #MAX_SCALE}]. */
    public static void scale(String what, double v) {
        if (!(v >= 0.0 && v <= MAX_SCALE)) {
            throw new IllegalArgumentException(what + " must be in [0, " + (int) MAX_SCALE + "], got " + v);
        }
    }
}
