package org.bayes2imc.imc;

import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;

/**
 * Fixes the k-bit input ranges of every layer's drivers (docs/MODEL.md §5) once per model, from the mode network's float
 * activations on up to {@link #CALIBRATION_IMAGES} calibration images: ReLU inputs use [0, hi], the signed first
 * input [lo, hi]; the step is rounded up to a power of two so that quantised values are exact binary fractions and
 * every ±1-weighted digital sum is exact in float — hence independent of summation order and thread count.
 */
public final class ActivationRanges {
    public static final int CALIBRATION_IMAGES = 256;

    private ActivationRanges() {
    }

    /** @param input normalised images [n × C·H·W]; the first min(n, 256) are used */
    public static UniformActivationQuantiser calibrate(BbnnModel model, float[] input, int n, int bits) {
        Architecture a = model.architecture();
        int m = Math.min(n, CALIBRATION_IMAGES);
        if (m < 1) {
            throw new IllegalArgumentException("activation calibration needs at least one image");
        }
        BatchNormStats bn = BatchNormStats.of(model);
        float[] x = java.util.Arrays.copyOf(input, m * a.inputSize());
        float[] lo = new float[a.depth()];
        float[] hi = new float[a.depth()];
        for (int l = 0; l < a.depth(); l++) {
            float min = 0f;
            float max = 0f;
            for (float v : x) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            int levels = (1 << bits) - 1;
            if (min < 0f) {
                float mag = Math.max(-min, max);
                float step = powerOfTwoAtLeast(mag / ((1 << (bits - 1)) - 1 > 0 ? (1 << (bits - 1)) - 1 : 1));
                lo[l] = -step * (1 << (bits - 1));
                hi[l] = lo[l] + step * levels;
            } else {
                float step = powerOfTwoAtLeast(max / levels);
                lo[l] = 0f;
                hi[l] = step * levels;
            }
            x = LayerForward.forward(a.layer(l), WeightSampler.mode(model.lambda(l)), bn.mean()[l], bn.var()[l], x, m);
        }
        return new UniformActivationQuantiser(bits, lo, hi);
    }

    private static float powerOfTwoAtLeast(float v) {
        if (!(v > 0f) || Float.isInfinite(v)) {
            return 0x1p-10f;
        }
        return (float) Math.pow(2.0, Math.ceil(Math.log(v) / Math.log(2.0)));
    }
}
