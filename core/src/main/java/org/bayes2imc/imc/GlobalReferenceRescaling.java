package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

import java.util.random.RandomGenerator;

/**
 * Global drift compensation (SPEC §7 default): {@code count} reference devices are programmed at G_ref with the
 * layer's arrays (their own programming noise and drift exponents). At time t the periphery measures their drift
 * factor — mean drifted conductance over mean programmed conductance, averaged over many reads so read noise
 * cancels — and rescales the sense-amplifier reference to G_ref × factor for every column.
 */
public final class GlobalReferenceRescaling implements DriftCompensation {
    public static final int DEFAULT_DEVICES = 64;
    private final int count;

    public GlobalReferenceRescaling(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--reference-devices must be >= 1, got " + count);
        }
        this.count = count;
    }

    public int count() {
        return count;
    }

    @Override
    public String id() {
        return "global";
    }

    @Override
    public ReferenceBank program(DeviceModel device, double referenceMicroSiemens, int columns, RandomGenerator rng) {
        double[] programmed = new double[count];
        double[] nu = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            programmed[i] = device.program(referenceMicroSiemens, rng);
            nu[i] = device.driftExponent(programmed[i], rng);
            sum += programmed[i];
        }
        double meanProgrammed = sum / count;
        return new ReferenceBank() {
            @Override
            public SenseReference at(double seconds) {
                if (meanProgrammed <= 0) {
                    return SenseReference.fixed(referenceMicroSiemens);
                }
                double drifted = 0;
                for (int i = 0; i < count; i++) {
                    drifted += device.drifted(programmed[i], nu[i], seconds);
                }
                return SenseReference.fixed(referenceMicroSiemens * (drifted / count) / meanProgrammed);
            }

            @Override
            public int devices() {
                return count;
            }
        };
    }
}
