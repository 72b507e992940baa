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
        return builder().build();
    }

    /** A builder at the published coefficients ({@link #defaults()}); each {@code opt…} changes one. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .optGMaxMicroSiemens(gMaxMicroSiemens)
                .optT0Seconds(t0Seconds)
                .optTReadSeconds(tReadSeconds)
                .optProgrammingNoiseC0(programmingNoiseC0)
                .optProgrammingNoiseC1(programmingNoiseC1)
                .optProgrammingNoiseC2(programmingNoiseC2)
                .optDriftMeanSlope(driftMeanSlope)
                .optDriftMeanIntercept(driftMeanIntercept)
                .optDriftMeanMin(driftMeanMin)
                .optDriftMeanMax(driftMeanMax)
                .optDriftStdSlope(driftStdSlope)
                .optDriftStdIntercept(driftStdIntercept)
                .optDriftStdMin(driftStdMin)
                .optDriftStdMax(driftStdMax)
                .optDriftMinRelativeConductance(driftMinRelativeConductance)
                .optReadNoiseQsNumerator(readNoiseQsNumerator)
                .optReadNoiseExponent(readNoiseExponent)
                .optReadNoiseMinDenominator(readNoiseMinDenominator)
                .optReadNoiseQsMax(readNoiseQsMax)
                .optReadNoiseConductance(readNoiseConductance)
                .optMinConductanceMicroSiemens(minConductanceMicroSiemens)
                .optProgrammingNoiseScale(programmingNoiseScale)
                .optReadNoiseScale(readNoiseScale)
                .optDriftScale(driftScale);
    }

    /** The same coefficients with other noise scales (1 = published, 0 = effect off). */
    public IbmPcmConfig withNoiseScales(double programming, double read, double drift) {
        return toBuilder().optProgrammingNoiseScale(programming).optReadNoiseScale(read).optDriftScale(drift).build();
    }

    /** The same coefficients with Q_s evaluated at the given conductance. */
    public IbmPcmConfig withReadNoiseConductance(ReadNoiseConductance choice) {
        return toBuilder().optReadNoiseConductance(choice).build();
    }

    /** Every coefficient optional ({@code opt…}), defaults the published values of the record's documentation. */
    public static final class Builder {
        private double gMaxMicroSiemens = 25.0;
        private double t0Seconds = 20.0;
        private double tReadSeconds = 250e-9;
        private double programmingNoiseC0 = 0.26348;
        private double programmingNoiseC1 = 1.9650;
        private double programmingNoiseC2 = -1.1731;
        private double driftMeanSlope = -0.0155;
        private double driftMeanIntercept = 0.0244;
        private double driftMeanMin = 0.049;
        private double driftMeanMax = 0.1;
        private double driftStdSlope = -0.0125;
        private double driftStdIntercept = -0.0059;
        private double driftStdMin = 0.008;
        private double driftStdMax = 0.045;
        private double driftMinRelativeConductance = 1e-7;
        private double readNoiseQsNumerator = 0.0088;
        private double readNoiseExponent = 0.65;
        private double readNoiseMinDenominator = 1e-3;
        private double readNoiseQsMax = 0.2;
        private ReadNoiseConductance readNoiseConductance = ReadNoiseConductance.PROGRAMMED;
        private double minConductanceMicroSiemens = 0.0;
        private double programmingNoiseScale = 1.0;
        private double readNoiseScale = 1.0;
        private double driftScale = 1.0;

        public Builder optGMaxMicroSiemens(double v) {
            gMaxMicroSiemens = v;
            return this;
        }

        public Builder optT0Seconds(double v) {
            t0Seconds = v;
            return this;
        }

        public Builder optTReadSeconds(double v) {
            tReadSeconds = v;
            return this;
        }

        public Builder optProgrammingNoiseC0(double v) {
            programmingNoiseC0 = v;
            return this;
        }

        public Builder optProgrammingNoiseC1(double v) {
            programmingNoiseC1 = v;
            return this;
        }

        public Builder optProgrammingNoiseC2(double v) {
            programmingNoiseC2 = v;
            return this;
        }

        public Builder optDriftMeanSlope(double v) {
            driftMeanSlope = v;
            return this;
        }

        public Builder optDriftMeanIntercept(double v) {
            driftMeanIntercept = v;
            return this;
        }

        public Builder optDriftMeanMin(double v) {
            driftMeanMin = v;
            return this;
        }

        public Builder optDriftMeanMax(double v) {
            driftMeanMax = v;
            return this;
        }

        public Builder optDriftStdSlope(double v) {
            driftStdSlope = v;
            return this;
        }

        public Builder optDriftStdIntercept(double v) {
            driftStdIntercept = v;
            return this;
        }

        public Builder optDriftStdMin(double v) {
            driftStdMin = v;
            return this;
        }

        public Builder optDriftStdMax(double v) {
            driftStdMax = v;
            return this;
        }

        public Builder optDriftMinRelativeConductance(double v) {
            driftMinRelativeConductance = v;
            return this;
        }

        public Builder optReadNoiseQsNumerator(double v) {
            readNoiseQsNumerator = v;
            return this;
        }

        public Builder optReadNoiseExponent(double v) {
            readNoiseExponent = v;
            return this;
        }

        public Builder optReadNoiseMinDenominator(double v) {
            readNoiseMinDenominator = v;
            return this;
        }

        public Builder optReadNoiseQsMax(double v) {
            readNoiseQsMax = v;
            return this;
        }

        public Builder optReadNoiseConductance(ReadNoiseConductance v) {
            readNoiseConductance = v;
            return this;
        }

        public Builder optMinConductanceMicroSiemens(double v) {
            minConductanceMicroSiemens = v;
            return this;
        }

        public Builder optProgrammingNoiseScale(double v) {
            programmingNoiseScale = v;
            return this;
        }

        public Builder optReadNoiseScale(double v) {
            readNoiseScale = v;
            return this;
        }

        public Builder optDriftScale(double v) {
            driftScale = v;
            return this;
        }

        public IbmPcmConfig build() {
            return new IbmPcmConfig(gMaxMicroSiemens, t0Seconds, tReadSeconds, programmingNoiseC0, programmingNoiseC1, programmingNoiseC2, driftMeanSlope, driftMeanIntercept, driftMeanMin, driftMeanMax, driftStdSlope, driftStdIntercept, driftStdMin, driftStdMax, driftMinRelativeConductance, readNoiseQsNumerator, readNoiseExponent, readNoiseMinDenominator, readNoiseQsMax, readNoiseConductance, minConductanceMicroSiemens, programmingNoiseScale, readNoiseScale, driftScale);
        }
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
