package org.bayes2imc.correct;

/**
 * The read-back alternative (docs/MODEL.md §7): the final layer's conductances are read back after programming, giving each
 * synapse's realised probability q of a +1 read; the expected pre-BatchNorm shift of logit c is
 * Σ_i 2·(q_ci − p_ci)·x̄_i for the calibration set's mean input x̄, divided by the BatchNorm standard deviation,
 * and subtracted. Corrects the mean only (scale 1).
 */
public final class ReadBackLogitCorrection implements LogitCorrection {
    @Override
    public String name() {
        return "read-back";
    }

    @Override
    public boolean needsReadBack() {
        return true;
    }

    @Override
    public LogitMap fit(CalibrationSet cal) {
        CalibrationSet.FinalLayerReadBack rb = cal.readBack();
        if (rb == null) {
            throw new IllegalArgumentException("read-back correction needs the final layer's read-back conductances");
        }
        int c = cal.classes();
        int fanIn = rb.meanInput().length;
        if (rb.realisedProbability().length != c * fanIn || rb.targetProbability().length != c * fanIn) {
            throw new IllegalArgumentException("read-back tensors must be classes × fan-in");
        }
        LogitMap map = LogitMap.identity(c);
        for (int k = 0; k < c; k++) {
            double shift = 0;
            for (int i = 0; i < fanIn; i++) {
                int idx = k * fanIn + i;
                shift += 2.0 * (rb.realisedProbability()[idx] - rb.targetProbability()[idx]) * rb.meanInput()[i];
            }
            map.shift()[k] = (float) (-shift / Math.sqrt(rb.bnVar()[k] + rb.bnEps()));
        }
        return map;
    }
}
