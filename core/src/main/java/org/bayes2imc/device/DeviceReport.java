package org.bayes2imc.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The device command's results.json (docs/RESULTS.md, "device"): the settings, the target conductance(s), the
 * distributions of programmed, drifted and read conductances and drift exponents over the draws, and the sense
 * amplifier's sampled frequency against the target p. Conductances in µS.
 */
public record DeviceReport(String command, Settings settings, double targetConductanceMicroSiemens,
                           double minusTargetConductanceMicroSiemens, boolean deterministic,
                           DistributionSummary programmedConductanceMicroSiemens, DistributionSummary driftExponent,
                           DistributionSummary driftedConductanceMicroSiemens,
                           DistributionSummary readConductanceMicroSiemens, double programmingAttemptsMean,
                           double programmingPulsesMean, SenseAmplifier senseAmplifier) {

    /** The settings; exactly one of the two targets is set, the other null. */
    public record Settings(String device, Double targetConductanceMicroSiemens, Double targetP, double timeSeconds,
                           String timeLabel, double designTimeSeconds, int draws, long seed, MappingConfig mapping,
                           DeviceConfig deviceConfig) {
    }

    /**
     * The device model's configuration: program-and-verify with its settings (absent without), then the keys of
     * the model's own configuration record ({@code IbmPcmConfig}, {@code NandakumarConfig} or {@link IdealConfig}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceConfig(boolean programAndVerify, Double verifyToleranceMicroSiemens, Integer verifyMaxAttempts,
                               Integer verifyReads, @JsonUnwrapped Object model) {
    }

    /** The ideal device's two parameters. */
    public record IdealConfig(double readSigmaMicroSiemens, double gMaxMicroSiemens) {
    }

    /** The sense amplifier's reads against the reference and the Wilson interval of its frequency. */
    public record SenseAmplifier(double referenceConductanceMicroSiemens, Double targetP,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean targetInsideInterval, int reads,
                                 long readsAboveReference, double sampledFrequency, double intervalLow,
                                 double intervalHigh, double confidence, double expectedFrequency,
                                 DistributionSummary realisedP) {
    }
}
