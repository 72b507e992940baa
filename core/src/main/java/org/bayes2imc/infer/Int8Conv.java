package org.bayes2imc.infer;

import org.bayes2imc.model.LayerSpec;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

import java.util.HashMap;
import java.util.Map;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.desc;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A k×k stride-1 same-padded convolution of a batch on oneDNN's int8 path (SPEC §5: k-bit activation codes
 * driving the array, ±1 (or 0 for rows left out) sense-amplifier outputs as weights, digital accumulation): codes u8
 * in NHWC, weights s8 in PyTorch's OIHW layout, exact s32 sums in NHWC. Instances are cached per thread and shape.
 */
public final class Int8Conv extends OneDnnPrimitive {
    private static final ThreadLocal<Map<String, Int8Conv>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private Int8Conv(dnnl_primitive_desc pd, dnnl_memory_desc src, dnnl_memory_desc userWeights, dnnl_memory_desc dst,
                     long srcBytes, long weightCount, long dstCount) {
        super(pd, src, userWeights, dst, srcBytes, weightCount, dstCount);
    }

    /** This thread's primitive for {@code batch} images of the layer's shape. */
    public static Int8Conv of(LayerSpec layer, int batch) {
        int c = layer.inChannels();
        int h = layer.inHeight();
        int w = layer.inWidth();
        int o = layer.outChannels();
        int k = layer.kernel();
        int pad = layer.padding();
        String key = batch + ":" + c + "x" + h + "x" + w + ">" + o + "k" + k + "p" + pad;
        return CACHE.get().computeIfAbsent(key, x -> create(batch, c, h, w, o, k, pad));
    }

    private static Int8Conv create(int batch, int c, int h, int w, int o, int k, int pad) {
        dnnl_memory_desc src = desc(new long[] {batch, c, h, w}, dnnl_u8, dnnl_nhwc);
        dnnl_memory_desc weights = desc(new long[] {o, c, k, k}, dnnl_s8, dnnl_format_tag_any);
        dnnl_memory_desc userWeights = desc(new long[] {o, c, k, k}, dnnl_s8, dnnl_oihw);
        dnnl_memory_desc dst = desc(new long[] {batch, o, h, w}, dnnl_s32, dnnl_nhwc);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        long[] padding = {pad, pad};
        check(dnnl_convolution_forward_primitive_desc_create(pd, OneDnn.engine(), dnnl_forward_inference,
                dnnl_convolution_direct, src, weights, null, dst, new long[] {1, 1}, new long[] {0, 0}, padding,
                padding, null), "int8 convolution descriptor");
        return new Int8Conv(pd, src, userWeights, dst, (long) batch * c * h * w, (long) o * c * k * k,
                4L * batch * o * h * w);
    }

    /**
     * Sums of {@code batch} images: codes [batch][H][W][C] (u8), weights [O][C][k][k] (s8), out [batch][H][W][O].
     */
    public void apply(byte[] codes, byte[] weights, int[] out) {
        execute(codes, 0, weights, out, 0);
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
        Int8Conv conv = create(1, 2, 2, 2, 1, 3, 1);
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
