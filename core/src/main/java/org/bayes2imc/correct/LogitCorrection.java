package org.bayes2imc.correct;

/**
 * A correction applied solely on the final layer's logits to remove deployment-to-deployment variation
 * (Bayes2IMC, docs/MODEL.md §7): fitted once after programming from a calibration set, applied digitally as a
 * {@link LogitMap}.
 */
public interface LogitCorrection {
    /** Name used on the command line. */
    String name();

    /** Fits the map for one deployment. */
    LogitMap fit(CalibrationSet calibration);

    /** Whether the fit needs the final layer read back from the array ({@link CalibrationSet#readBack()}). */
    default boolean needsReadBack() {
        return false;
    }
}
