package org.bayes2imc.device;

import java.util.random.RandomGenerator;

/**
 * A statistical model of one non-volatile memory device (conductances in µS, times in seconds since the end of
 * programming): programming noise, a per-device drift exponent drawn at programming, drift of the mean
 * conductance over time, and the spread of one read. Implementations: the IBM statistical PCM model
 * (Nandakumar 2019 / Joshi 2020, docs/MODEL.md §4.1) and the Nandakumar 2018 model (docs/MODEL.md §4.2).
 */
public interface DeviceModel {
    /** Short name used on the command line, e.g. {@code ibm-pcm}. */
    String name();

    /** Largest programmable conductance, µS. */
    double maxConductanceMicroSiemens();

    /** One programming of a device towards a target conductance (including program-and-verify if configured). */
    double program(double targetMicroSiemens, RandomGenerator rng);

    /** The drift exponent ν drawn once per device at programming. */
    double driftExponent(double programmedMicroSiemens, RandomGenerator rng);

    /** Mean conductance {@code seconds} after programming, given the programmed value and the device's ν. */
    double drifted(double programmedMicroSiemens, double nu, double seconds);

    /**
     * The mean drift exponent E[ν] of a device programmed to g (0 for a device that does not drift): what the
     * mapping expects a device to drift by when it targets a design read time (docs/MODEL.md §4.3).
     */
    double meanDriftExponent(double programmedMicroSiemens);

    /**
     * Standard deviation (µS) of one read, {@code seconds} after programming, of a device programmed to
     * {@code programmed} whose drifted mean is {@code drifted}. The only read-noise entry point: the IBM model's Q_s
     * depends on the programmed state and its amplitude on the drifted one, so a single-conductance form would
     * silently evaluate one of them at the wrong value after drift.
     */
    double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds);

    /**
     * The same device with programming noise and drift switched off (read noise unchanged): every deployment is then
     * the same chip, so the spread of figures across deployments read with independent streams is the Monte-Carlo
     * floor of the sampled ensemble (docs/MODEL.md §7, judging the correction).
     */
    DeviceModel withoutProgrammingNoiseAndDrift();

    /**
     * The distribution of one programming's result for a target, as quadrature nodes: what the programming-aware
     * mapping averages over (docs/MODEL.md §5). Default: 256 programmings from a fixed seed (common random numbers, so
     * the expectation varies little between neighbouring targets; its error is about σ_q/16 for a spread σ_q of the
     * realised probability across programmings); models with a closed form override it.
     */
    default QuadratureNodes programmedDistribution(double targetMicroSiemens) {
        return QuadratureNodes.draws(256, 0x5EEDL, rng -> program(targetMicroSiemens, rng));
    }

    /** The distribution of the drift exponent ν drawn for a target, as quadrature nodes. Default: 16 fixed-seed draws. */
    default QuadratureNodes driftExponentDistribution(double targetMicroSiemens) {
        return QuadratureNodes.draws(16, 0x5EEDL, rng -> driftExponent(targetMicroSiemens, rng));
    }

    /** The conductance expected {@code seconds} after programming to g: drifted with the mean exponent. */
    default double expectedDrifted(double programmedMicroSiemens, double seconds) {
        return drifted(programmedMicroSiemens, meanDriftExponent(programmedMicroSiemens), seconds);
    }

    /**
     * One programming with its cost: the conductance reached, the programming attempts and pulses used. Models
     * with iterative programming (Nandakumar 2018, {@link ProgramAndVerify}) override it; by default one attempt
     * of one pulse.
     */
    default ProgrammingOutcome programWithOutcome(double targetMicroSiemens, RandomGenerator rng) {
        return new ProgrammingOutcome(program(targetMicroSiemens, rng), 1, 1);
    }

    /** One noisy read (clamped at 0) of a device programmed to {@code programmed} and drifted to {@code drifted}. */
    default double read(double programmedMicroSiemens, double driftedMicroSiemens, double seconds, RandomGenerator rng) {
        double sigma = readNoiseSigmaMicroSiemens(programmedMicroSiemens, driftedMicroSiemens, seconds);
        return Math.max(0.0, driftedMicroSiemens + sigma * rng.nextGaussian());
    }

    /**
     * Probability that {@link #read(double, double, double, RandomGenerator)} exceeds a threshold ≥ 0:
     * Φ((drifted − threshold)/σ); a step when σ = 0.
     */
    default double probabilityReadExceeds(double programmedMicroSiemens, double driftedMicroSiemens,
                                          double thresholdMicroSiemens, double seconds) {
        double sigma = readNoiseSigmaMicroSiemens(programmedMicroSiemens, driftedMicroSiemens, seconds);
        double diff = driftedMicroSiemens - thresholdMicroSiemens;
        if (sigma <= 0.0) {
            return diff > 0.0 ? 1.0 : 0.0;
        }
        return Gaussian.cdf(diff / sigma);
    }
}
