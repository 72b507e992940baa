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
