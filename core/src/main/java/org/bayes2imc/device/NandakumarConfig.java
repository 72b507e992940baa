package org.bayes2imc.device;

/**
 * Coefficients of the Nandakumar et al. 2018 (J. Appl. Phys. 124, 152135) PCM model, docs/MODEL.md §4.2, with the
 * iterative program-and-verify settings and noise scales (1 = as published, 0 = effect off). Conductances in µS.
 *
 * @param gMinMicroSiemens        lower clamp of the device conductance (0.1 µS)
 * @param gMaxMicroSiemens        upper clamp [choice: 25 µS, as the IBM model; the SET increments saturate near
 *                                0.88/0.084 ≈ 10.5 µS anyway]
 * @param readNoiseSlope          read σ = slope·G + intercept (0.03)
 * @param readNoiseIntercept      (0.13 µS)
 * @param driftExponent           ν (0.04)
 * @param driftExponentStd        device-to-device spread of ν [choice: 0, the paper gives one ν]
 * @param driftReferenceSeconds   T0 (38.6 s): the programmed G is the value T0 after the last pulse
 * @param setMeanSlope            SET increment mean μ = slope·G + intercept + pulseTerm·P (−0.084)
 * @param setMeanIntercept        (0.880 µS)
 * @param setMeanPulseTerm        (1.40 µS)
 * @param setStdSlope             SET increment σ = slope·G + intercept + pulseTerm·P (0.091)
 * @param setStdIntercept         (0.260 µS)
 * @param setStdPulseTerm         (2.15 µS)
 * @param pulseDecay              P ← P·exp(−1/pulseDecay) after each SET pulse (2.6); P = 1 after RESET
 * @param resetMeanMicroSiemens   RESET gives G ~ N(mean, std) (0.1 µS)
 * @param resetStdMicroSiemens    (0.01 µS)
 * @param verifyToleranceMicroSiemens program-and-verify stops when |read − target| ≤ this [choice: 0.5 µS]
 * @param maxPulses               program-and-verify gives up after this many pulses, RESETs included [choice: 50]
 * @param programmingNoiseScale   multiplies the σ of the SET increments and of RESET (1; 0 = deterministic pulses)
 * @param readNoiseScale          multiplies the read σ, verify reads included (1; 0 = noiseless reads)
 * @param driftScale              multiplies ν (1; 0 = no drift)
 */
public record NandakumarConfig(
        double gMinMicroSiemens, double gMaxMicroSiemens,
        double readNoiseSlope, double readNoiseIntercept,
        double driftExponent, double driftExponentStd, double driftReferenceSeconds,
        double setMeanSlope, double setMeanIntercept, double setMeanPulseTerm,
        double setStdSlope, double setStdIntercept, double setStdPulseTerm,
        double pulseDecay, double resetMeanMicroSiemens, double resetStdMicroSiemens,
        double verifyToleranceMicroSiemens, int maxPulses,
        double programmingNoiseScale, double readNoiseScale, double driftScale) {

    public NandakumarConfig {
        IbmPcmConfig.nonNegative("Nandakumar g_min", gMinMicroSiemens);
        if (!(gMaxMicroSiemens > gMinMicroSiemens) || Double.isInfinite(gMaxMicroSiemens)) {
            throw new IllegalArgumentException("Nandakumar g_max must exceed g_min, got " + gMaxMicroSiemens);
        }
        IbmPcmConfig.positive("Nandakumar T0", driftReferenceSeconds);
        IbmPcmConfig.positive("Nandakumar pulse decay", pulseDecay);
        IbmPcmConfig.nonNegative("Nandakumar drift exponent std", driftExponentStd);
        IbmPcmConfig.nonNegative("Nandakumar RESET std", resetStdMicroSiemens);
        IbmPcmConfig.positive("Nandakumar verify tolerance", verifyToleranceMicroSiemens);
        if (maxPulses < 1) {
            throw new IllegalArgumentException("Nandakumar max pulses must be >= 1, got " + maxPulses);
        }
        IbmPcmConfig.scale("programming noise scale", programmingNoiseScale);
        IbmPcmConfig.scale("read noise scale", readNoiseScale);
        IbmPcmConfig.scale("drift scale", driftScale);
    }

    /** The published coefficients (docs/MODEL.md §4.2) and the default program-and-verify settings. */
    public static NandakumarConfig defaults() {
        return new NandakumarConfig(0.1, 25.0, 0.03, 0.13, 0.04, 0.0, 38.6,
                -0.084, 0.880, 1.40, 0.091, 0.260, 2.15, 2.6, 0.1, 0.01,
                0.5, 50, 1.0, 1.0, 1.0);
    }

    public NandakumarConfig withNoiseScales(double programming, double read, double drift) {
        return new NandakumarConfig(gMinMicroSiemens, gMaxMicroSiemens, readNoiseSlope, readNoiseIntercept,
                driftExponent, driftExponentStd, driftReferenceSeconds, setMeanSlope, setMeanIntercept, setMeanPulseTerm,
                setStdSlope, setStdIntercept, setStdPulseTerm, pulseDecay, resetMeanMicroSiemens, resetStdMicroSiemens,
                verifyToleranceMicroSiemens, maxPulses, programming, read, drift);
    }

    public NandakumarConfig withVerify(double toleranceMicroSiemens, int pulses) {
        return new NandakumarConfig(gMinMicroSiemens, gMaxMicroSiemens, readNoiseSlope, readNoiseIntercept,
                driftExponent, driftExponentStd, driftReferenceSeconds, setMeanSlope, setMeanIntercept, setMeanPulseTerm,
                setStdSlope, setStdIntercept, setStdPulseTerm, pulseDecay, resetMeanMicroSiemens, resetStdMicroSiemens,
                toleranceMicroSiemens, pulses, programmingNoiseScale, readNoiseScale, driftScale);
    }
}
