package org.bayes2imc.infer;

import org.bayes2imc.model.LayerSpec;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.HashMap;
import java.util.Map;

import static org.bayes2imc.infer.OneDnn.check;
import static org.bayes2imc.infer.OneDnn.desc;
import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A k×k stride-1 same-padded float convolution of a batch on oneDNN's direct (no im2col) kernels: input and output
 * NCHW as {@link LayerForward} keeps them, weights in PyTorch's OIHW layout. One thread per call and a fixed chunk
 * size give a fixed summation order, so results do not depend on the thread count; they differ from the SGEMM path
 * only in float rounding (and not at all on quantised inputs, whose ±1-weighted sums are exact).
 */
public final class F32Conv extends OneDnnPrimitive {
    private static final ThreadLocal<Map<String, F32Conv>> CACHE = ThreadLocal.withInitial(HashMap::new);
    private final String implementation;

    private F32Conv(dnnl_primitive_desc pd, dnnl_memory_desc src, dnnl_memory_desc userWeights, dnnl_memory_desc dst,
                    long srcBytes, long weightBytes, long dstBytes, String implementation) {
        super(pd, src, userWeights, dst, srcBytes, weightBytes, dstBytes);
        this.implementation = implementation;
    }

    /** This thread's primitive for {@code batch} images of the layer's shape. */
    public static F32Conv of(LayerSpec layer, int batch) {
        int c = layer.inChannels();
        int h = layer.inHeight();
        int w = layer.inWidth();
        int o = layer.outChannels();
        int k = layer.kernel();
        int pad = layer.padding();
        String key = batch + ":" + c + "x" + h + "x" + w + ">" + o + "k" + k + "p" + pad;
        return CACHE.get().computeIfAbsent(key, x -> create(batch, c, h, w, o, k, pad));
    }

    private static F32Conv create(int batch, int c, int h, int w, int o, int k, int pad) {
        dnnl_memory_desc src = desc(new long[] {batch, c, h, w}, dnnl_f32, dnnl_nchw);
        dnnl_memory_desc weights = desc(new long[] {o, c, k, k}, dnnl_f32, dnnl_format_tag_any);
        dnnl_memory_desc userWeights = desc(new long[] {o, c, k, k}, dnnl_f32, dnnl_oihw);
        dnnl_memory_desc dst = desc(new long[] {batch, o, h, w}, dnnl_f32, dnnl_nchw);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        long[] padding = {pad, pad};
        check(dnnl_convolution_forward_primitive_desc_create(pd, OneDnn.engine(), dnnl_forward_inference,
                dnnl_convolution_direct, src, weights, null, dst, new long[] {1, 1}, new long[] {0, 0}, padding,
                padding, null), "f32 convolution descriptor");
        PointerPointer<?> impl = new PointerPointer<>(1);
        check(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, impl), "implementation query");
        String name = new BytePointer(impl.get(0)).getString();
        return new F32Conv(pd, src, userWeights, dst, 4L * batch * c * h * w, 4L * o * c * k * k,
                4L * batch * o * h * w, name);
    }

    /** out [batch][O][H][W] = conv(x [batch][C][H][W] from xOffset, weights [O][C][k][k]). */
    public void apply(float[] x, int xOffset, float[] weights, float[] out) {
        execute(x, xOffset, weights, out, 0);
    }

    /** oneDNN's name for the kernel it chose (for benchmark reports). */
    public String implementation() {
        return implementation;
    }
}
