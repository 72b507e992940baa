package org.bayes2imc.infer;

import org.bayes2imc.model.Architecture;

/**
 * Uniform k-bit quantisation of layer inputs to 2^k levels on [low, high] per layer: x ↦ low + step·round((clamp(x) −
 * low)/step), step = (high − low)/(2^k − 1). ReLU outputs use low = 0; the first layer's normalised input is signed.
 * With a power-of-two step the quantised values are exact binary fractions, so ±1-weighted sums are exact in float
 * up to 2^24 levels and therefore independent of summation order.
 *
 * @param bits bits per activation (1..16; the hardware default is 8)
 * @param low  per-layer lower clip bound
 * @param high per-layer upper clip bound
 */
public record UniformActivationQuantiser(int bits, float[] low, float[] high) implements ActivationQuantiser {

    public UniformActivationQuantiser {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("activation bits must be in [1, 16], got " + bits);
        }
        if (low.length != high.length) {
            throw new IllegalArgumentException("activation ranges: " + low.length + " lows for " + high.length + " highs");
        }
        for (int i = 0; i < low.length; i++) {
            if (!(high[i] > low[i])) {
                throw new IllegalArgumentException("activation range of layer " + i + " is empty: [" + low[i] + ", " + high[i] + "]");
            }
        }
    }

    /** The same range [low, high] for every one of {@code layers} layers. */
    public static UniformActivationQuantiser uniform(int bits, float low, float high, int layers) {
        float[] lo = new float[layers];
        float[] hi = new float[layers];
        java.util.Arrays.fill(lo, low);
        java.util.Arrays.fill(hi, high);
        return new UniformActivationQuantiser(bits, lo, hi);
    }

    /**
     * Ranges calibrated on a batch: each layer's [min, max] input value through the float network with the given
     * weights (e.g. the mode network on a calibration set); ReLU layers' inputs give low = 0.
     */
    public static UniformActivationQuantiser calibrated(int bits, Architecture a, BatchNormStats bn, float[][] weights,
                                                        float[] input, int batch) {
        float[] lo = new float[a.depth()];
        float[] hi = new float[a.depth()];
        float[] x = input;
        for (int i = 0; i < a.depth(); i++) {
            float mn = Float.POSITIVE_INFINITY;
            float mx = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < batch * a.layer(i).inputSize(); j++) {
                mn = Math.min(mn, x[j]);
                mx = Math.max(mx, x[j]);
            }
            lo[i] = mn;
            hi[i] = mx > mn ? mx : mn + 1f;
            x = LayerForward.forward(a.layer(i), weights[i], bn.mean()[i], bn.var()[i], x, batch);
        }
        return new UniformActivationQuantiser(bits, lo, hi);
    }

    @Override
    public float[] quantise(int layer, float[] input, int batch) {
        float lo = low[layer];
        float hi = high[layer];
        int levels = (1 << bits) - 1;
        float step = (hi - lo) / levels;
        float inv = 1f / step;
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = lo + step * code(input[i], lo, hi, inv);
        }
        return out;
    }

    /**
     * The level index of x on [lo, hi] with grid spacing 1/inv: clamp, then round to nearest, ties to even. The one
     * rounding rule of every activation path (float and integer kernels, and oneDNN's conversions to u8), so they
     * agree bit for bit; it is IEEE 754's default rounding and PyTorch's {@code round} (docs/MODEL.md §5).
     */
    public static int code(float x, float lo, float hi, float inv) {
        float v = Math.min(hi, Math.max(lo, x));
        return (int) nearestEven((v - lo) * inv);
    }

    /**
     * t rounded to the nearest integer, ties to even, for 0 ≤ t ≤ 2^22 (every level count of a ≤ 16-bit code): adding
     * and subtracting 2^23 leaves no fraction bits, and the float addition rounds ties to even. Equal to
     * {@code Math.rint(t)}, but in two additions that the JIT vectorises in the kernels' loops.
     */
    public static float nearestEven(float t) {
        return (t + 0x1p23f) - 0x1p23f;
    }

    /** The grid spacing of layer l's codes: (high − low)/(2^bits − 1). */
    public float step(int layer) {
        return (high[layer] - low[layer]) / ((1 << bits) - 1);
    }
}
