package org.bayes2imc.correct;

import org.bayes2imc.metrics.SampleStatistics;

/**
 * The default logit correction (docs/MODEL.md §7 reconstruction): per logit, an affine map that gives the hardware logits
 * over the unlabelled calibration set the mean and standard deviation of the software model's logits, i.e. the
 * final BatchNorm re-estimated on the deployed core. Needs no labels and no pairing of images.
 */
public final class MomentMatchingLogitCorrection implements LogitCorrection {
    @Override
    public String name() {
        return "affine";
    }

    @Override
    public LogitMap fit(CalibrationSet cal) {
        int c = cal.classes();
        double[][] hw = moments(cal.hardwareLogits(), c);
        double[][] sw = moments(cal.softwareLogits(), c);
        float[] scale = new float[c];
        float[] shift = new float[c];
        for (int k = 0; k < c; k++) {
            double a = hw[1][k] > 1e-12 ? sw[1][k] / hw[1][k] : 1.0;
            scale[k] = (float) a;
            shift[k] = (float) (sw[0][k] - a * hw[0][k]);
        }
        return new LogitMap(scale, shift);
    }

    /** Per-logit mean and (population) standard deviation. */
    static double[][] moments(float[] logits, int c) {
        int rows = logits.length / c;
        double[] mean = new double[c];
        double[] sd = new double[c];
        double[] column = new double[rows];
        for (int k = 0; k < c; k++) {
            for (int r = 0; r < rows; r++) {
                column[r] = logits[r * c + k];
            }
            mean[k] = SampleStatistics.mean(column);
            sd[k] = SampleStatistics.populationStd(column, mean[k]);
        }
        return new double[][] {mean, sd};
    }
}
