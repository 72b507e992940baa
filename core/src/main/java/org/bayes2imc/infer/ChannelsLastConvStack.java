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

    /** Per-thread buffers: the block's NHWC input, the convolution's NHWC output, the post-processed NHWC output. */
    private static final class Scratch {
        float[] in = new float[0];
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
            Scratch s = SCRATCH.get();
            float[] x;
            int xOffset;
            if (first.inChannels() == 1) {
                // one channel: NCHW and NHWC are the same order
                x = input;
                xOffset = start * first.inputSize();
            } else {
                s.in = Scratch.grow(s.in, m * first.inputSize());
                toChannelsLast(input, start * first.inputSize(), m, first.inChannels(), first.inHeight() * first.inWidth(), s.in);
                x = s.in;
                xOffset = 0;
            }
            for (int i = from; i < to; i++) {
                LayerSpec l = a.layer(i);
                s.lin = Scratch.grow(s.lin, m * l.outChannels() * l.positions());
                F32Conv.channelsLast(l, m).apply(x, xOffset, weights[i], s.lin, 0);
                if (i == to - 1) {
                    posts[i - from].apply(s.lin, m, result, start * outSize, false);
                } else {
                    s.out = Scratch.grow(s.out, m * l.outputSize());
                    posts[i - from].apply(s.lin, m, s.out, 0, true);
                    float[] t = s.in;
                    s.in = s.out;
                    s.out = t;
                    x = s.in;
                    xOffset = 0;
                }
            }
        });
        return result;
    }

    /** [m][c][p] from src[offset..] into dst[0..] as [m][p][c]. */
    static void toChannelsLast(float[] src, int offset, int m, int c, int p, float[] dst) {
        for (int b = 0; b < m; b++) {
            int sb = offset + b * c * p;
            int db = b * c * p;
            for (int ch = 0; ch < c; ch++) {
                int sp = sb + ch * p;
                for (int q = 0; q < p; q++) {
                    dst[db + q * c + ch] = src[sp + q];
                }
            }
        }
    }

    /** Pool + BatchNorm + ReLU of a block of NHWC convolution outputs, in the float steps of LayerForward's. */
    private static final class Post {
        private final LayerSpec layer;
        private final float[] mean;
        private final float[] inv;

        Post(LayerSpec layer, float[] bnMean, float[] bnVar) {
            int out = layer.outChannels();
            if (bnMean.length != out || bnVar.length != out) {
                throw new IllegalArgumentException(layer.name() + ": BatchNorm statistics need " + out + " values");
            }
            this.layer = layer;
            this.mean = bnMean.clone();
            this.inv = BatchNormStats.inverseStd(bnVar, layer.bnEps());
        }

        /**
         * lin [m][H][W][C] → dst[dstOffset..] as [m][H'][W'][C] (channelsLast) or [m][C][H'][W'], H' = H/2 when the
         * layer pools.
         */
        void apply(float[] lin, int m, float[] dst, int dstOffset, boolean channelsLast) {
            int c = layer.outChannels();
            int h = layer.inHeight();
            int w = layer.inWidth();
            boolean pool = layer.maxPool();
            boolean relu = layer.relu();
            int oh = pool ? h / 2 : h;
            int ow = pool ? w / 2 : w;
            int plane = oh * ow;
            int row = w * c;
            float[] v = new float[c];
            for (int b = 0; b < m; b++) {
                int src = b * h * w * c;
                int out = dstOffset + b * plane * c;
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        int q = y * ow + x;
                        if (pool) {
                            int r0 = src + (2 * y * w + 2 * x) * c;
                            int r1 = r0 + row;
                            for (int ch = 0; ch < c; ch++) {
                                v[ch] = Math.max(Math.max(lin[r0 + ch], lin[r0 + c + ch]),
                                        Math.max(lin[r1 + ch], lin[r1 + c + ch]));
                            }
                        } else {
                            System.arraycopy(lin, src + q * c, v, 0, c);
                        }
                        for (int ch = 0; ch < c; ch++) {
                            float t = (v[ch] - mean[ch]) * inv[ch];
                            // LayerForward's ReLU rule (t < 0 ? +0 : t), branch-free but for zeros and NaN
                            v[ch] = !relu ? t : t == 0f || t != t ? (t < 0f ? 0f : t) : Math.max(t, 0f);
                        }
                        if (channelsLast) {
                            System.arraycopy(v, 0, dst, out + q * c, c);
                        } else {
                            for (int ch = 0; ch < c; ch++) {
                                dst[out + ch * plane + q] = v[ch];
                            }
                        }
                    }
                }
            }
        }
    }
}
