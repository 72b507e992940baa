package org.bayes2imc.infer;

import org.bayes2imc.model.LayerSpec;

import java.util.HashMap;
import java.util.Map;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A k×k stride-1 same-padded convolution of a batch on oneDNN's int8 path (docs/MODEL.md §5: k-bit activation codes
 * driving the array, ±1 (or 0 for rows left out) sense-amplifier outputs as weights, digital accumulation): codes u8
 * in NHWC, weights s8 in PyTorch's OIHW layout, exact s32 sums in NHWC. Instances are cached per thread and shape.
 */
public final class Int8Conv extends OneDnnPrimitive {
    private static final ThreadLocal<Map<ConvShape, Int8Conv>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private Int8Conv(ConvShape shape, ConvShape.Descriptors d) {
        super(d.primitive(), d.source(), d.userWeights(), d.destination(), shape.inputValues(), shape.weightValues(),
                4L * shape.outputValues());
    }

    /** This thread's primitive for {@code batch} images of the layer's shape. */
    public static Int8Conv of(LayerSpec layer, int batch) {
        return CACHE.get().computeIfAbsent(ConvShape.of(layer, batch), Int8Conv::create);
    }

    private static final ThreadLocal<Map<ConvShape, Int8Conv>> FLOAT_SUMS = ThreadLocal.withInitial(HashMap::new);

    /**
     * This thread's primitive for {@code batch} images of the layer's shape whose sums come out as f32 (the same
     * integers, exact below 2^24: a layer's sums are at most fan-in · 255), for post-linear loops the JIT vectorises.
     */
    public static Int8Conv ofFloatSums(LayerSpec layer, int batch) {
        return FLOAT_SUMS.get().computeIfAbsent(ConvShape.of(layer, batch),
                shape -> new Int8Conv(shape, shape.describe(dnnl_u8, dnnl_s8, dnnl_f32, dnnl_nhwc, "int8 f32-sum")));
    }

    /** As {@link #applyLoaded(byte[], int, int[], int)} for a primitive from {@link #ofFloatSums}. */
    public void applyLoaded(byte[] codes, int codesOffset, float[] out, int outOffset) {
        executeLoaded(codes, codesOffset, out, outOffset);
    }

    private static Int8Conv create(ConvShape shape) {
        return new Int8Conv(shape, shape.describe(dnnl_u8, dnnl_s8, dnnl_s32, dnnl_nhwc, "int8"));
    }

    /**
     * Sums of {@code batch} images: codes [batch][H][W][C] (u8), weights [O][C][k][k] (s8), out [batch][H][W][O].
     */
    public void apply(byte[] codes, byte[] weights, int[] out) {
        execute(codes, 0, weights, out, 0);
    }

    /** Reorders one weight set ([O][C][k][k], s8) into this primitive for several {@link #applyLoaded} calls. */
    public void load(byte[] weights) {
        loadWeights(weights);
    }

    /** Sums of this primitive's batch of images from codes[codesOffset..] on the loaded weights into out[outOffset..]. */
    public void applyLoaded(byte[] codes, int codesOffset, int[] out, int outOffset) {
        executeLoaded(codes, codesOffset, out, outOffset);
    }

    /** Checks the int8 path on a case with a hand-known answer; returns null when right, else what went wrong. */
    static String probe() {
        // 1 image, 2 input channels of 2×2, one output channel, 3×3 kernel: the centre tap of channel 0 is +1,
        // channel 1's is −1, every other tap +1 on channel 0 only.
        byte[] codes = new byte[2 * 2 * 2];
        int[] values = {200, 3, 17, 255, 1, 0, 128, 9}; // NHWC: (y,x,c)
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) values[i];
        }
        byte[] weights = new byte[2 * 9];
        for (int t = 0; t < 9; t++) {
            weights[t] = 1;
        }
        weights[9 + 4] = -1;
        Int8Conv conv = create(new ConvShape(1, 2, 2, 2, 1, 3, 1));
        int[] out = new int[4];
        conv.apply(codes, weights, out);
        // Every output sees all four channel-0 pixels (3×3 window covers the 2×2 image) minus its own channel-1 pixel.
        int sum0 = 200 + 17 + 1 + 128;
        int[] expected = {sum0 - 3, sum0 - 255, sum0 - 0, sum0 - 9};
        for (int i = 0; i < 4; i++) {
            if (out[i] != expected[i]) {
                return "output " + i + " is " + out[i] + ", expected " + expected[i];
            }
        }
        return null;
    }
}
