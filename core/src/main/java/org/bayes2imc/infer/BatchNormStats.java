package org.bayes2imc.infer;

import org.bayes2imc.model.BbnnModel;

/** The BatchNorm running mean and variance of every layer ([layer][channel]), as the inference engine reads them. */
public record BatchNormStats(float[][] mean, float[][] var) {

    public BatchNormStats {
        if (mean.length != var.length) {
            throw new IllegalArgumentException("BatchNorm statistics: " + mean.length + " means for " + var.length + " variances");
        }
    }

    public static BatchNormStats of(BbnnModel model) {
        int n = model.architecture().depth();
        float[][] m = new float[n][];
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            m[i] = model.bnMean(i);
            v[i] = model.bnVar(i);
        }
        return new BatchNormStats(m, v);
    }

    /** 1/√(var + eps) per channel in float: the factor every inference path multiplies by, computed one way. */
    public static float[] inverseStd(float[] var, double eps) {
        float[] inv = new float[var.length];
        for (int c = 0; c < var.length; c++) {
            inv[c] = (float) (1.0 / Math.sqrt(var[c] + eps));
        }
        return inv;
    }
}
