package org.bayes2imc.infer;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * A run of consecutive conv layers of the float forward pass (docs/MODEL.md §2.3) computed block by block with
 * channels-last (NHWC) activations between the layers: each block of {@link LayerForward#CONV_BLOCK} images goes
 * through every layer of the run while it is in cache, each layer's convolution on oneDNN's NHWC kernel and its
 * pool + BatchNorm + ReLU fused into one pass over the convolution's output. Output is NCHW, as
 * {@link LayerForward#forward} returns it.
 *
 * <p>Bit-identical to running {@link LayerForward#forward} layer by layer: the blocks are the same fixed
 * {@code CONV_BLOCK}-image blocks (so every primitive has the same batch), the NHWC kernel is the one oneDNN's NCHW
 * primitive wraps ({@link F32Conv#channelsLastIsSameKernel}, checked per shape; the run is refused otherwise), and
 * each output value goes through the same float operations in the same order: max of the same four values, then
 * (x − mean)·(1/σ), then the same ReLU rule. Layouts change only where values are moved, never added.
 */
final class ChannelsLastConvStack {
    private ChannelsLastConvStack() {
    }

    /** True when layers [from, to) are all conv layers that this stack runs bit-identically for {@code batch} images. */
    static boolean supports(Architecture a, int from, int to, int batch) {
        if (!OneDnn.available() || from >= to || batch < 1) {
            return false;
        }
        int full = Math.min(batch, LayerForward.CONV_BLOCK);
        int tail = batch % LayerForward.CONV_BLOCK;
        for (int i = from; i < to; i++) {
            LayerSpec l = a.layer(i);
            if (l.kind() != LayerKind.CONV || (l.maxPool() && (l.inHeight() % 2 != 0 || l.inWidth() % 2 != 0))) {
                return false;
            }
            if (!F32Conv.channelsLastIsSameKernel(l, full) || (tail != 0 && !F32Conv.channelsLastIsSameKernel(l, tail))) {
                return false;
            }
        }
        return true;
    }

    /** Per-thread buffers: a block's convolution outputs and their post-processed values. */
    private static final class Scratch {
        float[] lin = new float[0];
        float[] out = new float[0];

        static float[] grow(float[] a, int size) {
            return a.length >= size ? a : new float[size];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Layers [from, to) (all conv, {@link #supports} true) on NCHW input [batch × inputSize(from)]; returns the NCHW
     * output [batch × outputSize(to − 1)].
     */
    static float[] forward(Architecture a, BatchNormStats bn, float[][] weights, float[] input, int batch, int from,
                           int to) {
        LayerSpec first = a.layer(from);
        LayerSpec last = a.layer(to - 1);
        if (input.length < (long) batch * first.inputSize()) {
            throw new IllegalArgumentException(first.name() + ": input holds " + input.length + " values, need "
                    + (long) batch * first.inputSize());
        }
        Post[] posts = new Post[to - from];
        for (int i = from; i < to; i++) {
            LayerSpec l = a.layer(i);
            if (weights[i].length != l.weightCount()) {
                throw new IllegalArgumentException(l.name() + ": " + weights[i].length + " weights, expected " + l.weightCount());
            }
            posts[i - from] = new Post(l, bn.mean()[i], bn.var()[i]);
        }
        int outSize = last.outputSize();
        float[] result = new float[batch * outSize];
        int blocks = (batch + LayerForward.CONV_BLOCK - 1) / LayerForward.CONV_BLOCK;
        Parallel.forEach(blocks, blk -> {
            int start = blk * LayerForward.CONV_BLOCK;
            int m = Math.min(LayerForward.CONV_BLOCK, batch - start);
            // activations stay in the primitives' native buffers from the block's input to its last conv output
            F32Conv conv = F32Conv.channelsLast(first, m);
            int inValues = m * first.inputSize();
            if (first.inChannels() == 1) {
                // one channel: NCHW and NHWC are the same order
                conv.source().put(0, input, start * first.inputSize(), inValues);
            } else {
                toChannelsLast(input, start * first.inputSize(), m, first.inChannels(),
                        first.inHeight() * first.inWidth(), conv.source());
            }
            Scratch s = SCRATCH.get();
            for (int i = from; i < to; i++) {
                LayerSpec l = a.layer(i);
                conv.applyInPlace(weights[i]);
                // image by image through small arrays that stay in the core's cache: one read of the native
                // outputs, one write of the next layer's native inputs, no block-sized intermediate pass
                int linValues = l.outChannels() * l.positions();
                int outValues = l.outputSize();
                s.lin = Scratch.grow(s.lin, linValues);
                s.out = Scratch.grow(s.out, outValues);
                Post post = posts[i - from];
                F32Conv next = i == to - 1 ? null : F32Conv.channelsLast(a.layer(i + 1), m);
                for (int b = 0; b < m; b++) {
                    conv.destination().get(b * linValues, s.lin, 0, linValues);
                    if (next == null) {
                        post.toChannelsFirst(s.lin, s.out, result, (start + b) * outSize);
                    } else {
                        post.toChannelsLast(s.lin, 1, s.out);
                        next.source().put(b * outValues, s.out, 0, outValues);
                    }
                }
                conv = next;
            }
        });
        return result;
    }

    /**
     * [m][c][p] from src[offset..] into dst[0..] as [m][p][c], image by image through a cache-sized array and one
     * bulk copy into the native buffer per image.
     */
    static void toChannelsLast(float[] src, int offset, int m, int c, int p, java.nio.FloatBuffer dst) {
        Scratch s = SCRATCH.get();
        s.out = Scratch.grow(s.out, c * p);
        float[] image = s.out;
        for (int b = 0; b < m; b++) {
            int sb = offset + b * c * p;
            for (int q = 0; q < p; q++) {
                int o = q * c;
                for (int ch = 0; ch < c; ch++) {
                    image[o + ch] = src[sb + ch * p + q];
                }
            }
            dst.put(b * c * p, image, 0, c * p);
        }
    }

    /**
     * Pool + BatchNorm + ReLU of a block of NHWC convolution outputs, in LayerForward's float steps and order:
     * max-pool as max(max(top left, top right), max(bottom left, bottom right)), BatchNorm as (x − mean)·(1/σ), ReLU
     * as x &lt; 0 ? +0 : x (LayerForward's rule).
     */
    private static final class Post {
        private final LayerSpec layer;
        private final float[] mean;
        private final float[] inv;

        Post(LayerSpec layer, float[] bnMean, float[] bnVar) {
            BatchNormStats.Factors bn = BatchNormStats.Factors.of(layer, bnMean, bnVar);
            this.layer = layer;
            this.mean = bn.mean();
            this.inv = bn.inverseStd();
            BatchNormStats.Factors span = bn.tiled(Math.max(1, SPAN / layer.outChannels()));
            meanSpan = span.mean();
            invSpan = span.inverseStd();
        }

        /** The statistics repeated over a span of whole pixels: long inner loops that the JIT vectorises. */
        private static final int SPAN = 512;
        private final float[] meanSpan;
        private final float[] invSpan;

        /**
         * LayerForward's ReLU, t &lt; 0 ? +0 : t, in its form: Math.max(t, 0) (a select without a branch, which the
         * sign after BatchNorm, a coin flip, would mispredict) but for zeros and NaN (rare, so that test predicts
         * well), which take the rule itself (Math.max(−0, 0) is +0, the rule keeps −0).
         */
        private static float relu(float t) {
            return t == 0f || t != t ? (t < 0f ? 0f : t) : Math.max(t, 0f);
        }

        /** lin [m][H][W][C] → dst [m][H'][W'][C] (H' = H/2 where the layer pools). */
        void toChannelsLast(float[] lin, int m, float[] dst) {
            int c = layer.outChannels();
            int h = layer.inHeight();
            int w = layer.inWidth();
            boolean relu = layer.relu();
            if (!layer.maxPool()) {
                int n = m * h * w * c;
                int span = meanSpan.length;
                for (int s0 = 0; s0 < n; s0 += span) {
                    int len = Math.min(span, n - s0);
                    for (int j = 0; j < len; j++) {
                        dst[s0 + j] = (lin[s0 + j] - meanSpan[j]) * invSpan[j];
                    }
                    if (relu) {
                        for (int j = s0; j < s0 + len; j++) {
                            dst[j] = relu(dst[j]);
                        }
                    }
                }
                return;
            }
            int row = w * c;
            int o = 0;
            for (int b = 0; b < m; b++) {
                for (int y = 0; y < h; y += 2) {
                    for (int x = 0; x < w; x += 2) {
                        int i = ((b * h + y) * w + x) * c;
                        int j = i + row;
                        for (int ch = 0; ch < c; ch++) {
                            float v = Math.max(Math.max(lin[i + ch], lin[i + c + ch]), Math.max(lin[j + ch], lin[j + c + ch]));
                            float t = (v - mean[ch]) * inv[ch];
                            dst[o + ch] = relu ? relu(t) : t;
                        }
                        o += c;
                    }
                }
            }
        }

        /** One image: lin [H][W][C] → dst[dstOffset..] as [C][H'][W'] (LayerForward's layout), via channelsLast. */
        void toChannelsFirst(float[] lin, float[] channelsLast, float[] dst, int dstOffset) {
            int c = layer.outChannels();
            int plane = layer.outputSize() / c;
            toChannelsLast(lin, 1, channelsLast);
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    dst[dstOffset + ch * plane + p] = channelsLast[p * c + ch];
                }
            }
        }
    }
}
