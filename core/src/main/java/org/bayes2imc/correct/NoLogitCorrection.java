package org.bayes2imc.correct;

/** Leaves the hardware logits as they are (the uncorrected baseline). */
public final class NoLogitCorrection implements LogitCorrection {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public LogitMap fit(CalibrationSet calibration) {
        return LogitMap.identity(calibration.classes());
    }
}
