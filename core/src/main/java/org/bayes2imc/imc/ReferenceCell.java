package org.bayes2imc.imc;

import org.bayes2imc.device.ConductanceSolver;
import org.bayes2imc.device.DeviceModel;

import java.util.random.RandomGenerator;

/**
 * A reference cell per sense-amplifier column (docs/MODEL.md §7 alternative): a device in the same array, programmed so that
 * it is expected at G_ref at the design read time, that drifts with it. The sense amplifier compares the synapse read with a read of this cell, so the cell's own
 * programming noise, drift exponent and read noise all enter the decision.
 */
public final class ReferenceCell implements DriftCompensation {
    @Override
    public String id() {
        return "reference-cell";
    }

    @Override
    public ReferenceBank program(DeviceModel device, double referenceMicroSiemens, double designSeconds, int columns,
                                 RandomGenerator rng) {
        // Programmed so that the cell is expected at G_ref at the design read time, as the synapses' mapping assumes.
        double target = ConductanceSolver.programmedForExpected(device, referenceMicroSiemens, designSeconds, 1e-9);
        double[] programmed = new double[columns];
        double[] nu = new double[columns];
        for (int c = 0; c < columns; c++) {
            programmed[c] = device.program(target, rng);
            nu[c] = device.driftExponent(target, rng);
        }
        return new ReferenceBank() {
            @Override
            public SenseReference at(double seconds) {
                double[] mean = new double[columns];
                double[] sigma = new double[columns];
                for (int c = 0; c < columns; c++) {
                    mean[c] = device.drifted(programmed[c], nu[c], seconds);
                    sigma[c] = device.readNoiseSigmaMicroSiemens(programmed[c], mean[c], seconds);
                }
                return new SenseReference(mean, sigma);
            }

            @Override
            public int devices() {
                return columns;
            }
        };
    }
}
