package org.bayes2imc.infer;

import org.bayes2imc.model.LayerSpec;

import java.util.HashMap;
import java.util.Map;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * A k×k stride-1 same-padded float convolution of a batch on oneDNN's direct (no im2col) kernels: input and output
 * NCHW as {@link LayerForward} keeps them, weights in PyTorch's OIHW layout. One thread per call and a fixed chunk
 * size give a fixed summation order, so results do not depend on the thread count; they differ from the SGEMM path
 * only in float rounding (and not at all on quantised inputs, whose ±1-weighted sums are exact).
 */
public final class F32Conv extends OneDnnPrimitive {
    private static final ThreadLocal<Map<ConvShape, F32Conv>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private F32Conv(ConvShape shape, ConvShape.Descriptors d) {
        super(d.primitive(), d.source(), d.userWeights(), d.destination(), 4L * shape.inputValues(),
                4L * shape.weightValues(), 4L * shape.outputValues());
    }

    /** This thread's primitive for {@code batch} images of the layer's shape. */
    public static F32Conv of(LayerSpec layer, int batch) {
        return CACHE.get().computeIfAbsent(ConvShape.of(layer, batch),
                shape -> new F32Conv(shape, shape.describe(dnnl_f32, dnnl_f32, dnnl_f32, dnnl_nchw, "f32")));
    }

    /** out[outOffset..] [batch][O][H][W] = conv(x [batch][C][H][W] from xOffset, weights [O][C][k][k]). */
    public void apply(float[] x, int xOffset, float[] weights, float[] out, int outOffset) {
        execute(x, xOffset, weights, out, outOffset);
    }
}
