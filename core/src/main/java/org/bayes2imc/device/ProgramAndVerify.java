package org.bayes2imc.device;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Program-and-verify around any device model (the usual write scheme of PCM arrays, e.g. Joshi et al. 2020):
 * program, verify with the mean of {@code verifyReads} reads at t = 0, and re-program until
 * |verify − target| &lt; tolerance or {@code maxAttempts} programmings were made; the device keeps its last
 * programming (a real write cannot return to an earlier state). Everything else delegates. The attempts are
 * returned per device by {@link #programWithOutcome} and summed in {@link #totalAttempts()} for energy accounting.
 */
public final class ProgramAndVerify implements DeviceModel {
    private final DeviceModel device;
    private final double toleranceMicroSiemens;
    private final int maxAttempts;
    private final int verifyReads;
    private final AtomicLong totalAttempts = new AtomicLong();
    private final AtomicLong totalPulses = new AtomicLong();

    /**
     * @param device                the model being programmed
     * @param toleranceMicroSiemens acceptance window half-width (&gt; 0) [choice; 0.5 µS in {@link DeviceModels}]
     * @param maxAttempts           programmings allowed per device (≥ 1) [choice; 10]
     * @param verifyReads           reads averaged per verification (≥ 1) [choice; 1]
     */
    public ProgramAndVerify(DeviceModel device, double toleranceMicroSiemens, int maxAttempts, int verifyReads) {
        IbmPcmConfig.positive("program-and-verify tolerance", toleranceMicroSiemens);
        if (maxAttempts < 1 || verifyReads < 1) {
            throw new IllegalArgumentException("program-and-verify needs max attempts >= 1 and verify reads >= 1, got "
                    + maxAttempts + "/" + verifyReads);
        }
        this.device = device;
        this.toleranceMicroSiemens = toleranceMicroSiemens;
        this.maxAttempts = maxAttempts;
        this.verifyReads = verifyReads;
    }

    public DeviceModel device() {
        return device;
    }

    public double toleranceMicroSiemens() {
        return toleranceMicroSiemens;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int verifyReads() {
        return verifyReads;
    }

    /** Programming attempts made through this wrapper so far (all threads). */
    public long totalAttempts() {
        return totalAttempts.get();
    }

    /** Pulses applied through this wrapper so far (all threads). */
    public long totalPulses() {
        return totalPulses.get();
    }

    @Override
    public String name() {
        return device.name() + "+verify";
    }

    @Override
    public double maxConductanceMicroSiemens() {
        return device.maxConductanceMicroSiemens();
    }

    @Override
    public double program(double targetMicroSiemens, RandomGenerator rng) {
        return programWithOutcome(targetMicroSiemens, rng).conductanceMicroSiemens();
    }

    @Override
    public ProgrammingOutcome programWithOutcome(double targetMicroSiemens, RandomGenerator rng) {
        int attempts = 0;
        int pulses = 0;
        double g;
        while (true) {
            ProgrammingOutcome once = device.programWithOutcome(targetMicroSiemens, rng);
            g = once.conductanceMicroSiemens();
            attempts += once.attempts();
            pulses += once.pulses();
            double sum = 0.0;
            for (int i = 0; i < verifyReads; i++) {
                sum += device.read(g, g, 0.0, rng);
            }
            if (Math.abs(sum / verifyReads - targetMicroSiemens) < toleranceMicroSiemens || attempts >= maxAttempts) {
                break;
            }
        }
        totalAttempts.addAndGet(attempts);
        totalPulses.addAndGet(pulses);
        return new ProgrammingOutcome(g, attempts, pulses);
    }

    /**
     * The distribution of the kept programming, derived from the bare device's: with f the density of one attempt,
     * a(g) the probability that a verify read of a device at g lands within the tolerance and A = E_f[a], each of the
     * first M − 1 attempts is accepted with probability A and then distributed as f·a/A; if none is, the M-th is kept
     * whatever it is, so the kept conductance has density f·[a·(1 − (1 − A)^(M−1))/A + (1 − A)^(M−1)]. The nodes are
     * the bare device's, reweighted so. a(g) = Φ((T + tol − g)/σ_v) − Φ((T − tol − g)/σ_v), σ_v = σ_r(g, g, 0)/√n
     * for n verify reads (one read clamped at 0 is accepted whenever T − tol &lt; 0 &lt; T + tol, which the single-read
     * form includes; the clamp is neglected for n &gt; 1). A bare device that itself re-programs (the Nandakumar
     * model counts its RESETs as attempts) falls back to the equal-weight draws of {@link DeviceModel}.
     */
    @Override
    public QuadratureNodes programmedDistribution(double targetMicroSiemens) {
        if (device instanceof NandakumarModel) {
            return DeviceModel.super.programmedDistribution(targetMicroSiemens);
        }
        QuadratureNodes bare = device.programmedDistribution(targetMicroSiemens);
        double[] g = bare.values();
        double[] a = new double[g.length];
        double acceptance = 0.0;
        for (int k = 0; k < g.length; k++) {
            a[k] = verifyAcceptance(g[k], targetMicroSiemens);
            acceptance += bare.weights()[k] * a[k];
        }
        double neverAccepted = Math.pow(1.0 - acceptance, maxAttempts - 1);
        double[] w = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            double accepted = acceptance > 0.0 ? a[k] * (1.0 - neverAccepted) / acceptance : 0.0;
            w[k] = bare.weights()[k] * (accepted + neverAccepted);
        }
        return new QuadratureNodes(g.clone(), w);
    }

    /** Probability that the verification of a device programmed to g accepts it for the target. */
    double verifyAcceptance(double programmedMicroSiemens, double targetMicroSiemens) {
        double sigma = device.readNoiseSigmaMicroSiemens(programmedMicroSiemens, programmedMicroSiemens, 0.0)
                / Math.sqrt(verifyReads);
        double upper = targetMicroSiemens + toleranceMicroSiemens;
        double lower = targetMicroSiemens - toleranceMicroSiemens;
        if (sigma <= 0.0) {
            return Math.abs(programmedMicroSiemens - targetMicroSiemens) < toleranceMicroSiemens ? 1.0 : 0.0;
        }
        double below = Gaussian.cdf((upper - programmedMicroSiemens) / sigma);
        if (lower < 0.0 && verifyReads == 1) {
            return below;
        }
        return below - Gaussian.cdf((lower - programmedMicroSiemens) / sigma);
    }

    @Override
    public QuadratureNodes driftExponentDistribution(double targetMicroSiemens) {
        return device.driftExponentDistribution(targetMicroSiemens);
    }

    @Override
    public double driftExponent(double programmedMicroSiemens, RandomGenerator rng) {
        return device.driftExponent(programmedMicroSiemens, rng);
    }

    @Override
    public double drifted(double programmedMicroSiemens, double nu, double seconds) {
        return device.drifted(programmedMicroSiemens, nu, seconds);
    }

    /** Verification is moot without programming noise: the bare device, exact at the first attempt. */
    @Override
    public DeviceModel withoutProgrammingNoiseAndDrift() {
        return device.withoutProgrammingNoiseAndDrift();
    }

    @Override
    public double meanDriftExponent(double programmedMicroSiemens) {
        return device.meanDriftExponent(programmedMicroSiemens);
    }

    @Override
    public double readNoiseSigmaMicroSiemens(double programmedMicroSiemens, double driftedMicroSiemens, double seconds) {
        return device.readNoiseSigmaMicroSiemens(programmedMicroSiemens, driftedMicroSiemens, seconds);
    }

    @Override
    public double read(double programmedMicroSiemens, double driftedMicroSiemens, double seconds, RandomGenerator rng) {
        return device.read(programmedMicroSiemens, driftedMicroSiemens, seconds, rng);
    }

    @Override
    public double probabilityReadExceeds(double programmedMicroSiemens, double driftedMicroSiemens,
                                         double thresholdMicroSiemens, double seconds) {
        return device.probabilityReadExceeds(programmedMicroSiemens, driftedMicroSiemens, thresholdMicroSiemens, seconds);
    }
}
