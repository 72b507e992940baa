package org.bayes2imc.infer;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused int8 layer (kernel blocks with the post-linear step applied while in cache) gives exactly the unfused
 * path's bits, whatever the block size, and both equal the float path on the same quantised input, on random layers.
 */
class Int8FusedProperties {

    /** What follows the layer: nothing (real outputs), a conv layer (NHWC codes) or an FC layer (flat codes). */
    enum Next { NONE, CONV, FC }

    private record Case(LayerSpec layer, LayerSpec next, float step, float nextHigh, byte[] weights, byte[] codes,
                        float[] mean, float[] var, int batch) {
        Int8Layers.Post post() {
            return new Int8Layers.Post(layer, step, mean, var, next, next == null ? 0f : nextHigh,
                    next == null ? 0f : 255f / nextHigh);
        }
    }

    private static Case randomCase(int in, int out, int half, boolean pool, boolean fc, Next next, boolean relu, int batch,
                                   long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int size = 2 * half;
        LayerSpec layer = fc ? new LayerSpec(3, LayerKind.FC, in * size, out, 1, 0, 1, 1, false, relu || next != Next.NONE, 1e-5, 0.1)
                : new LayerSpec(1, LayerKind.CONV, in, out, 3, 1, size, size, pool, relu || next != Next.NONE, 1e-5, 0.1);
        int outSize = layer.outputSize();
        LayerSpec nextLayer = switch (next) {
            case NONE -> null;
            case FC -> new LayerSpec(layer.index() + 1, LayerKind.FC, outSize, 5, 1, 0, 1, 1, false, true, 1e-5, 0.1);
            case CONV -> fc ? null : new LayerSpec(2, LayerKind.CONV, out, 4, 3, 1, pool ? half : size, pool ? half : size,
                    false, true, 1e-5, 0.1);
        };
        Assume.that(next != Next.CONV || nextLayer != null);
        byte[] w = new byte[Math.toIntExact(layer.weightCount())];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (r.nextInt(3) - 1);
        }
        byte[] codes = new byte[batch * layer.inputSize()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) r.nextInt(256);
        }
        float step = Math.scalb(1f, -r.nextInt(1, 8));
        float[] mean = new float[out];
        float[] var = new float[out];
        double scale = Math.sqrt(layer.fanIn()) * 128 * step;
        for (int c = 0; c < out; c++) {
            mean[c] = (float) (r.nextGaussian() * scale);
            var[c] = (float) (scale * scale * (0.05 + r.nextDouble()));
        }
        float nextHigh = 255f * Math.scalb(1f, -r.nextInt(4, 9));
        return new Case(layer, nextLayer, step, nextHigh, w, codes, mean, var, batch);
    }

    @Property(tries = 60)
    void fusedBlocksGiveTheUnfusedBits(@ForAll @IntRange(min = 1, max = 9) int in, @ForAll @IntRange(min = 1, max = 40) int out,
                                       @ForAll @IntRange(min = 1, max = 6) int half, @ForAll boolean pool,
                                       @ForAll boolean fc, @ForAll Next next, @ForAll boolean relu,
                                       @ForAll @IntRange(min = 1, max = 9) int batch,
                                       @ForAll @IntRange(min = 1, max = 10) int blockImages, @ForAll long seed) {
        Assume.that(OneDnn.available());
        Case c = randomCase(in, out, half, pool, fc, next, relu, batch, seed);
        Int8Layers.Post post = c.post();
        Object unfused = post.apply(Int8Layers.linear(c.layer, c.weights, c.codes, batch), batch);
        Object fused = Int8Layers.fused(post, c.weights, c.codes, batch, blockImages);
        Object fusedDefault = Int8Layers.fused(post, c.weights, c.codes, batch);
        assertThat(fused).isInstanceOf(unfused.getClass());
        if (unfused instanceof byte[] u) {
            assertThat((byte[]) fused).isEqualTo(u);
            assertThat((byte[]) fusedDefault).isEqualTo(u);
        } else {
            assertThat(bits((float[]) fused)).isEqualTo(bits((float[]) unfused));
            assertThat(bits((float[]) fusedDefault)).isEqualTo(bits((float[]) unfused));
        }
    }

    @Property(tries = 40)
    void fusedLayerEqualsTheFloatPath(@ForAll @IntRange(min = 1, max = 6) int in, @ForAll @IntRange(min = 1, max = 24) int out,
                                      @ForAll @IntRange(min = 1, max = 5) int half, @ForAll boolean pool,
                                      @ForAll Next next, @ForAll boolean relu,
                                      @ForAll @IntRange(min = 1, max = 5) int batch,
                                      @ForAll @IntRange(min = 1, max = 6) int blockImages, @ForAll long seed) {
        Assume.that(OneDnn.available());
        Case c = randomCase(in, out, half, pool, false, next, relu, batch, seed);
        Object fused = Int8Layers.fused(c.post(), c.weights, c.codes, batch, blockImages);
        // The float path: real NCHW inputs step·code, float ±1/0 weights, LayerForward's pool/BatchNorm/ReLU.
        LayerSpec l = c.layer;
        int plane = l.inHeight() * l.inWidth();
        float[] x = new float[c.codes.length];
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < l.inChannels(); ch++) {
                for (int p = 0; p < plane; p++) {
                    x[(b * l.inChannels() + ch) * plane + p] = c.step * (c.codes[(b * plane + p) * l.inChannels() + ch] & 0xFF);
                }
            }
        }
        float[] w = new float[c.weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = c.weights[i];
        }
        float[] y = LayerForward.forward(l, w, c.mean, c.var, x, batch);
        if (c.next == null) {
            assertThat(bits((float[]) fused)).isEqualTo(bits(y));
        } else {
            UniformActivationQuantiser qz = new UniformActivationQuantiser(8, new float[] {0f, 0f},
                    new float[] {255f * c.step, c.nextHigh});
            assertThat((byte[]) fused).isEqualTo(Int8Layers.codes(c.next, qz, 1, y, batch));
        }
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
