package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

import java.util.random.RandomGenerator;

/**
 * Global drift compensation (docs/MODEL.md §7 default): {@code count} reference devices are programmed at G_ref with the
 * layer's arrays (their own programming noise and drift exponents). The periphery measures their mean conductance
 * (averaged over many reads so read noise cancels) at the design read time t_d, when the synapses realise their
 * mapped p against G_ref, and at time t, and rescales the sense-amplifier reference to G_ref × (mean at t)/(mean at
 * t_d) for every column: no change at t_d, and the array's drift since t_d followed afterwards.
 */
public final class GlobalReferenceRescaling implements DriftCompensation {
    public static final int DEFAULT_DEVICES = 64;
    private final int count;

    public GlobalReferenceRescaling(int count) {
        if (count < 1) {
            throw new org.bayes2imc.io.InvalidSetting("reference_devices", "must be >= 1, got " + count);
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
    public ReferenceBank program(DeviceModel device, double referenceMicroSiemens, double designSeconds, int columns,
                                 RandomGenerator rng) {
        double[] programmed = new double[count];
        double[] nu = new double[count];
        for (int i = 0; i < count; i++) {
            programmed[i] = device.program(referenceMicroSiemens, rng);
            nu[i] = device.driftExponent(referenceMicroSiemens, rng);
        }
        double atDesign = 0;
        for (int i = 0; i < count; i++) {
            atDesign += device.drifted(programmed[i], nu[i], designSeconds);
        }
        double meanAtDesign = atDesign / count;
        return new ReferenceBank() {
            @Override
            public SenseReference at(double seconds) {
                if (meanAtDesign <= 0) {
                    return SenseReference.fixed(referenceMicroSiemens);
                }
                double drifted = 0;
                for (int i = 0; i < count; i++) {
                    drifted += device.drifted(programmed[i], nu[i], seconds);
                }
                return SenseReference.fixed(referenceMicroSiemens * (drifted / count) / meanAtDesign);
            }

            @Override
            public int devices() {
                return count;
            }
        };
    }
}
