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

    private final java.nio.FloatBuffer sourceFloats;
    private final java.nio.FloatBuffer destinationFloats;

    private F32Conv(ConvShape shape, ConvShape.Descriptors d) {
        super(d.primitive(), d.source(), d.userWeights(), d.destination(), 4L * shape.inputValues(),
                4L * shape.weightValues(), 4L * shape.outputValues());
        sourceFloats = floats(src, shape.inputValues());
        destinationFloats = floats(dst, shape.outputValues());
    }

    private static java.nio.FloatBuffer floats(org.bytedeco.javacpp.BytePointer buffer, long count) {
        return buffer.position(0).limit(4 * count).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The primitive's input activations in native memory, for writing in place before {@link #applyInPlace}. */
    java.nio.FloatBuffer source() {
        return sourceFloats;
    }

    /** The primitive's outputs in native memory after {@link #applyInPlace}. */
    java.nio.FloatBuffer destination() {
        return destinationFloats;
    }

    /** Runs on the activations in {@link #source()} with these weights [O][C][k][k]; outputs in {@link #destination()}. */
    void applyInPlace(float[] weights) {
        executeOnBuffers(weights);
    }

    private static final ThreadLocal<Map<ConvShape, F32Conv>> CHANNELS_LAST = ThreadLocal.withInitial(HashMap::new);
    private static final Map<ConvShape, Boolean> SAME_KERNEL = new java.util.concurrent.ConcurrentHashMap<>();
    /** The name oneDNN gives its NCHW convolution that reorders to NHWC, runs the NHWC kernel and reorders back. */
    private static final String NCSP_WRAPPER = "jit_uni_ncsp:conv+";

    /** This thread's primitive for {@code batch} images of the layer's shape. */
    public static F32Conv of(LayerSpec layer, int batch) {
        return CACHE.get().computeIfAbsent(ConvShape.of(layer, batch),
                shape -> new F32Conv(shape, shape.describe(dnnl_f32, dnnl_f32, dnnl_f32, dnnl_nchw, "f32")));
    }

    /**
     * This thread's channels-last (NHWC activations) primitive for {@code batch} images; only where
     * {@link #channelsLastIsSameKernel} holds does it give the bits of {@link #of}.
     */
    static F32Conv channelsLast(LayerSpec layer, int batch) {
        return CHANNELS_LAST.get().computeIfAbsent(ConvShape.of(layer, batch),
                shape -> new F32Conv(shape, shape.describe(dnnl_f32, dnnl_f32, dnnl_f32, dnnl_nhwc, "f32 nhwc")));
    }

    /**
     * True when oneDNN runs this shape's NCHW convolution as its NCSP wrapper around exactly the kernel it picks for
     * NHWC activations (the wrapper builds that kernel's descriptor from the same shapes, weights format and default
     * attributes, and only reorders activations around it, which moves values without arithmetic): then the
     * channels-last primitive's sums are bit-identical to {@link #of}'s. Elsewhere (another ISA, another oneDNN) the
     * callers keep the NCHW primitive.
     */
    static boolean channelsLastIsSameKernel(LayerSpec layer, int batch) {
        return SAME_KERNEL.computeIfAbsent(ConvShape.of(layer, batch), shape -> {
            ConvShape.Descriptors nchw = shape.describe(dnnl_f32, dnnl_f32, dnnl_f32, dnnl_nchw, "f32");
            ConvShape.Descriptors nhwc = shape.describe(dnnl_f32, dnnl_f32, dnnl_f32, dnnl_nhwc, "f32 nhwc");
            String wrapped = OneDnn.implementation(nchw.primitive());
            String direct = OneDnn.implementation(nhwc.primitive());
            return wrapped.equals(NCSP_WRAPPER + direct);
        });
    }

    /**
     * out[outOffset..] [batch][O][H][W] = conv(x [batch][C][H][W] from xOffset, weights [O][C][k][k]); for a
     * {@link #channelsLast} primitive both activations are [batch][H][W][C] instead.
     */
    public void apply(float[] x, int xOffset, float[] weights, float[] out, int outOffset) {
        execute(x, xOffset, weights, out, outOffset);
    }
}
