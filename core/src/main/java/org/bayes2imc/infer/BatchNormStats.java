package org.bayes2imc.infer;

import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

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

    /**
     * One layer's BatchNorm as every inference path applies it, (x − mean)·inverseStd per channel: the mean and
     * 1/√(var + eps), checked against the layer's channel count once, for the float, channels-last and int8 post steps.
     */
    public record Factors(float[] mean, float[] inverseStd) {
        public static Factors of(LayerSpec layer, float[] mean, float[] var) {
            int out = layer.outChannels();
            if (mean.length != out || var.length != out) {
                throw new IllegalArgumentException(layer.name() + ": BatchNorm statistics need " + out + " values");
            }
            return new Factors(mean.clone(), BatchNormStats.inverseStd(var, layer.bnEps()));
        }

        /** Both vectors repeated {@code times} times end to end, so flat NHWC loops index them without a modulo. */
        public Factors tiled(int times) {
            return new Factors(tile(mean, times), tile(inverseStd, times));
        }

        private static float[] tile(float[] v, int times) {
            float[] t = new float[times * v.length];
            for (int r = 0; r < times; r++) {
                System.arraycopy(v, 0, t, r * v.length, v.length);
            }
            return t;
        }
    }
}
