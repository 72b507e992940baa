package org.bayes2imc.imc;

import org.bayes2imc.device.DeviceModel;

import java.util.random.RandomGenerator;

/** No drift compensation: the sense amplifiers keep the reference fixed at G_ref while the synapses drift. */
public final class NoCompensation implements DriftCompensation {
    @Override
    public String id() {
        return "none";
    }

    @Override
    public ReferenceBank program(DeviceModel device, double referenceMicroSiemens, double designSeconds, int columns,
                                 RandomGenerator rng) {
        SenseReference fixed = SenseReference.fixed(referenceMicroSiemens);
        return new ReferenceBank() {
            @Override
            public SenseReference at(double seconds) {
                return fixed;
            }

            @Override
            public int devices() {
                return 0;
            }
        };
    }
}
