package org.bayes2imc.sweep;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The figures of one sweep cell (docs/SWEEP.md): the functional study's accuracy and uncertainty over K deployments
 * (mean and sample std; docs/RESULTS.md), its spread decomposition (docs/MODEL.md §7.3), and the PPA projection of the
 * same configuration (docs/MODEL.md §9). NaN where a figure does not apply (no OOD set, no floor, adc-imc's functional
 * figures).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CellFigures(int images, int oodImages,
                          double accuracyMean, double accuracyStd, double eceMean, double eceStd,
                          double eceCalibratedMean, double eceCalibratedStd, double nllMean, double nllStd,
                          double nllCalibratedMean, double oodAurocMean, double oodAurocStd,
                          double correctedAccuracyMean, double correctedEceCalibratedMean,
                          double accuracyFloorStd, double accuracyDeploymentInducedStd,
                          double eceCalibratedFloorStd, double eceCalibratedDeploymentInducedStd,
                          double energyPerImageUj, double latencyUs, double areaMm2, double gopsPerW, double gopsPerWMm2)
        implements java.io.Serializable {

    /** A failed cell's figures: all NaN. */
    public static CellFigures none() {
        double n = Double.NaN;
        return new CellFigures(0, 0, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n);
    }
}
