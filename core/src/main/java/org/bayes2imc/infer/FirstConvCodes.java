package org.bayes2imc.infer;

import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The float-input first conv layer of every ensemble member straight to the next layer's integer codes (issue 17):
 * the members share the quantised input, which is laid out once per chunk as one zero-padded, shifted plane per kernel
 * tap ({@link #shifted}); each member's sums are then formed tap by tap over whole planes (unit-stride loops the JIT
 * vectorises) and max-pooled, batch-normalised and quantised to the next layer's codes while in cache — no per-member
 * oneDNN call and no float output arrays. The bits are those of {@link LayerForward#forward} followed by
 * {@link Int8Layers#codes}: the post-linear arithmetic is the float path's operation for operation (the codes' clamp
 * at 0 is the ReLU), and each sum adds its taps in the order oneDNN's f32 kernel adds them for this shape, found and
 * checked against that kernel on awkward inputs before first use ({@link #of}); where no candidate order matches, the
 * caller keeps the per-member float kernel. An ensemble's members are best run together ({@link #members}): each
 * distinct filter of a channel is then computed once per chunk and shared.
 */
public final class FirstConvCodes {
    /** Per layer shape, the tap order oneDNN's f32 convolution sums in, or empty when none of the candidates does. */
    private static final Map<String, Optional<int[]>> ORDERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final LayerSpec layer;
    private final LayerSpec next;
    private final float[] mean;
    private final float[] inv;
    private final float nextHigh;
    private final float nextInv;
    /** Tap indices (c·k + ky)·k + kx (PyTorch's weight order) in summation order. */
    private final int[] order;
    /** The input width with both borders. */
    private final int paddedWidth;
    /** Values per tap plane: H rows of the padded width. */
    private final int planeSize;

    private static final class Scratch {
        float[] acc = new float[0];
        float[] v = new float[0];
        int[] level = new int[0];
    }

    private FirstConvCodes(LayerSpec layer, float[] bnMean, float[] bnVar, LayerSpec next, float nextHigh,
                           float nextInv, int[] order) {
        BatchNormStats.Factors bn = BatchNormStats.Factors.of(layer, bnMean, bnVar);
        this.layer = layer;
        this.next = next;
        this.mean = bn.mean();
        this.inv = bn.inverseStd();
        this.nextHigh = nextHigh;
        this.nextInv = nextInv;
        this.order = order;
        this.paddedWidth = layer.inWidth() + 2 * layer.padding();
        this.planeSize = layer.inHeight() * paddedWidth;
    }

    /**
     * The kernel for a conv layer whose input is real-valued and whose next layer runs on codes in [0, nextHigh] with
     * grid spacing 1/nextInv; empty when the layer is not a same-padded stride-1 conv, oneDNN is absent, or no
     * candidate summation order reproduces oneDNN's f32 kernel here.
     */
    public static Optional<FirstConvCodes> of(LayerSpec layer, float[] bnMean, float[] bnVar, LayerSpec next,
                                              float nextHigh, float nextInv) {
        if (layer.kind() != LayerKind.CONV || 2 * layer.padding() != layer.kernel() - 1 || !OneDnn.available()) {
            return Optional.empty();
        }
        String key = layer.inChannels() + "x" + layer.inHeight() + "x" + layer.inWidth() + ":" + layer.outChannels()
                + "k" + layer.kernel() + "p" + layer.padding();
        return ORDERS.computeIfAbsent(key, k -> findOrder(layer))
                .map(o -> new FirstConvCodes(layer, bnMean, bnVar, next, nextHigh, nextInv, o));
    }

    /**
     * The first of the six loop nestings of (channel, ky, kx) whose sums equal oneDNN's f32 kernel's bit for bit on a
     * block of {@link LayerForward#CONV_BLOCK} images (as {@link LayerForward} calls it) of inputs of every magnitude and
     * sign, where summation order shows in the last bits.
     */
    private static Optional<int[]> findOrder(LayerSpec layer) {
        int c = layer.inChannels();
        int k = layer.kernel();
        int[] sizes = {c, k, k};
        int[][] nestings = {{0, 1, 2}, {0, 2, 1}, {1, 2, 0}, {2, 1, 0}, {1, 0, 2}, {2, 0, 1}};
        SplittableRandom r = new SplittableRandom(17);
        int images = LayerForward.CONV_BLOCK;
        int out = layer.outChannels();
        float[] w = new float[out * layer.fanIn()];
        byte[] wb = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            wb[i] = (byte) (r.nextBoolean() ? 1 : -1);
            w[i] = wb[i];
        }
        float[] x = new float[images * layer.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((r.nextDouble() - 0.4) * Math.scalb(1.0, r.nextInt(-6, 7)));
        }
        float[] reference = new float[images * out * layer.positions()];
        F32Conv.of(layer, images).apply(x, 0, w, reference, 0);
        for (int[] nesting : nestings) {
            int[] order = new int[c * k * k];
            int[] idx = new int[3];
            int t = 0;
            for (int a = 0; a < sizes[nesting[0]]; a++) {
                for (int b = 0; b < sizes[nesting[1]]; b++) {
                    for (int d = 0; d < sizes[nesting[2]]; d++) {
                        idx[nesting[0]] = a;
                        idx[nesting[1]] = b;
                        idx[nesting[2]] = d;
                        order[t++] = (idx[0] * k + idx[1]) * k + idx[2];
                    }
                }
            }
            FirstConvCodes probe = new FirstConvCodes(layer, new float[out], new float[out], layer, 0f, 0f, order);
            if (probe.matches(wb, x, images, reference)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] weights, float[] x, int images, float[] reference) {
        int plane = layer.inHeight() * layer.inWidth();
        float[][] shifted = shifted(x, images);
        float[] acc = new float[planeSize];
        for (int b = 0; b < images; b++) {
            for (int o = 0; o < layer.outChannels(); o++) {
                sums(weights, o, shifted, b * layer.fanIn(), acc);
                for (int y = 0; y < layer.inHeight(); y++) {
                    for (int xx = 0; xx < layer.inWidth(); xx++) {
                        float ref = reference[(b * layer.outChannels() + o) * plane + y * layer.inWidth() + xx];
                        if (Float.floatToRawIntBits(ref) != Float.floatToRawIntBits(acc[y * paddedWidth + xx])) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * The quantised input [batch × C·H·W] (NCHW) as one plane per image and tap (c, ky, kx), in PyTorch's weight order:
     * plane[y·Wp + x] = the zero-padded input at (c, y + ky, x + kx), Wp the padded width (columns x ≥ W are scratch).
     * Built once per chunk and read by every member.
     */
    public float[][] shifted(float[] xq, int batch) {
        int h = layer.inHeight();
        int w = layer.inWidth();
        int p = layer.padding();
        int k = layer.kernel();
        int wp = paddedWidth;
        int taps = layer.fanIn();
        float[] padded = new float[(h + 2 * p) * wp + k];
        float[][] planes = new float[batch * taps][];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < layer.inChannels(); c++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(xq, b * layer.inputSize() + (c * h + y) * w, padded, (y + p) * wp + p, w);
                }
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int from = ky * wp + kx;
                        planes[b * taps + (c * k + ky) * k + kx] = java.util.Arrays.copyOfRange(padded, from, from + planeSize);
                    }
                }
            }
        }
        return planes;
    }

    /**
     * One member's next-layer codes: {@code Int8Layers.codes(next, …, LayerForward.forward(layer, weights, …, xq,
     * batch), batch)}.
     *
     * @param weights the member's ±1 weights in PyTorch layout ([O][C][k][k])
     * @param shifted {@link #shifted} of the quantised input xq
     */
    public byte[] codes(byte[] weights, float[][] shifted, int batch) {
        byte[] codes = new byte[batch * layer.outputSize()];
        Scratch s = scratch();
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < layer.outChannels(); o++) {
                sums(weights, o, shifted, b * layer.fanIn(), s.acc);
                toCodes(s, o, codes, b * layer.outputSize());
            }
        }
        return codes;
    }

    /**
     * Every member's {@link #codes} for one chunk, each distinct filter of an output channel computed once (issue 17):
     * a channel's codes depend only on its k·k·C filter and the shared input, and on the chip most first-layer synapses
     * are deterministic, so across an ensemble a channel has few distinct filters. The codes with every channel's most
     * common filter are laid out once (NHWC); a member's codes are those, or where its filter differs in some channel
     * a copy with those channels written over, from a plane kept for the chunk when another member shares that filter,
     * else computed for it alone. Same operations per output as {@link #codes}, so the same bytes, whatever the
     * grouping.
     *
     * @param weights each member's ±1 weights in PyTorch layout ([O][C][k][k]), one array per member
     * @param shifted {@link #shifted} of the quantised input
     */
    public Members members(byte[][] weights, float[][] shifted, int batch) {
        return new Members(weights, shifted, batch);
    }

    /**
     * One chunk's first-layer codes for every member ({@link #members}); held by the thread that evaluates the chunk.
     * Memory beyond the members' own codes: one member's worth of common codes and at most as many shared planes as the
     * layer has output channels.
     */
    public final class Members {
        private final byte[][] weights;
        private final float[][] shifted;
        private final int batch;
        /** Per channel and member, the index of the member's filter among the channel's distinct filters. */
        private final int[][] group;
        /** Per channel and distinct filter, the first member that has it. */
        private final int[][] owner;
        /** Per channel, the distinct filter the common codes use (the one most members have, the first on ties). */
        private final int[] common;
        /** Per channel and distinct filter, its codes plane [batch][positions] when kept for the chunk, else null. */
        private final byte[][][] planes;
        private final byte[] commonCodes;
        private final int distinct;

        private Members(byte[][] weights, float[][] shifted, int batch) {
            int out = layer.outChannels();
            int fan = layer.fanIn();
            int members = weights.length;
            int positions = layer.outputSize() / out;
            this.weights = weights;
            this.shifted = shifted;
            this.batch = batch;
            this.group = new int[out][members];
            this.owner = new int[out][];
            this.common = new int[out];
            this.planes = new byte[out][][];
            int found = 0;
            int kept = 0;
            for (int o = 0; o < out; o++) {
                int[] first = new int[members];
                int[] count = new int[members];
                int groups = 0;
                for (int m = 0; m < members; m++) {
                    int g = 0;
                    while (g < groups && !java.util.Arrays.equals(weights[m], o * fan, (o + 1) * fan,
                            weights[first[g]], o * fan, (o + 1) * fan)) {
                        g++;
                    }
                    if (g == groups) {
                        first[groups++] = m;
                    }
                    count[g]++;
                    group[o][m] = g;
                }
                found += groups;
                owner[o] = java.util.Arrays.copyOf(first, groups);
                for (int g = 1; g < groups; g++) {
                    if (count[g] > count[common[o]]) {
                        common[o] = g;
                    }
                }
                planes[o] = new byte[groups][];
                for (int g = 0; g < groups && kept < out; g++) {
                    if (g != common[o] && count[g] > 1) {
                        planes[o][g] = plane(o, first[g], positions);
                        kept++;
                    }
                }
            }
            this.distinct = found;
            Scratch s = scratch();
            this.commonCodes = new byte[batch * layer.outputSize()];
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    sums(weights[owner[o][common[o]]], o, shifted, b * fan, s.acc);
                    toCodes(s, o, commonCodes, b * layer.outputSize());
                }
            }
        }

        private byte[] plane(int o, int member, int positions) {
            Scratch s = scratch();
            byte[] plane = new byte[batch * positions];
            for (int b = 0; b < batch; b++) {
                sums(weights[member], o, shifted, b * layer.fanIn(), s.acc);
                toPlane(s, o, plane, b * positions);
            }
            return plane;
        }

        /** The number of distinct (output channel, filter) pairs over the members: the channels computed per chunk. */
        public int distinctFilters() {
            return distinct;
        }

        /**
         * Member m's codes, equal to {@code codes(weights[m], shifted, batch)}. Read-only: a member with every channel's
         * common filter (most of them, on the chip) gets the one shared array, not a copy of it.
         */
        public byte[] codes(int m) {
            int out = layer.outChannels();
            int size = layer.outputSize();
            int positions = size / out;
            boolean conv = next.kind() == LayerKind.CONV;
            boolean differs = false;
            for (int o = 0; o < out && !differs; o++) {
                differs = group[o][m] != common[o];
            }
            if (!differs) {
                return commonCodes;
            }
            byte[] dst = commonCodes.clone();
            Scratch s = scratch();
            for (int b = 0; b < batch; b++) {
                int at = b * size;
                for (int o = 0; o < out; o++) {
                    int g = group[o][m];
                    if (g == common[o]) {
                        continue;
                    }
                    byte[] plane = planes[o][g];
                    if (plane == null) {
                        sums(weights[m], o, shifted, b * layer.fanIn(), s.acc);
                        toCodes(s, o, dst, at);
                    } else if (conv) {
                        int from = b * positions;
                        for (int p = 0; p < positions; p++) {
                            dst[at + p * out + o] = plane[from + p];
                        }
                    } else {
                        System.arraycopy(plane, b * positions, dst, at + o * positions, positions);
                    }
                }
            }
            return dst;
        }
    }

    private Scratch scratch() {
        Scratch s = SCRATCH.get();
        if (s.acc.length < planeSize) {
            s.acc = new float[planeSize];
            s.v = new float[planeSize];
            s.level = new int[planeSize];
        }
        return s;
    }

    /**
     * Output channel o's sums over the plane, acc[y·Wp + x] (columns x ≥ W are scratch): taps added one at a time in
     * oneDNN's order, each over the whole plane, so every output sees the same sequence of additions as there. Padded
     * taps add ±0, which leaves a sum unchanged (up to the sign of a zero, which BatchNorm's subtraction erases).
     */
    private void sums(byte[] weights, int o, float[][] shifted, int first, float[] acc) {
        int n = planeSize;
        int base = o * layer.fanIn();
        java.util.Arrays.fill(acc, 0, n, 0f);
        for (int tap : order) {
            float wv = weights[base + tap];
            float[] x = shifted[first + tap];
            for (int i = 0; i < n; i++) {
                acc[i] = acc[i] + wv * x[i];
            }
        }
    }

    /**
     * Output channel o's sums → max-pool → BatchNorm → (ReLU, implied by the codes' clamp at 0) → the next layer's
     * codes at dst[dstOffset..] (NHWC for a conv next layer, C·H·W for FC), with exactly the float path's operations.
     */
    private void toCodes(Scratch scratch, int o, byte[] dst, int dstOffset) {
        levels(scratch, o);
        int[] level = scratch.level;
        boolean pool = layer.maxPool();
        int oh = pool ? layer.inHeight() / 2 : layer.inHeight();
        int width = pool ? layer.inWidth() / 2 : layer.inWidth();
        int stride = pool ? width : paddedWidth;
        int out = layer.outChannels();
        if (next.kind() == LayerKind.CONV) {
            for (int y = 0; y < oh; y++) {
                int row = dstOffset + y * width * out + o;
                int src = y * stride;
                for (int x = 0; x < width; x++) {
                    dst[row + x * out] = (byte) level[src + x];
                }
            }
        } else {
            copyRows(level, dst, dstOffset + o * oh * width);
        }
    }

    /** Output channel o's codes as one contiguous plane (rows of the pooled width) at dst[dstOffset..]. */
    private void toPlane(Scratch scratch, int o, byte[] dst, int dstOffset) {
        levels(scratch, o);
        copyRows(scratch.level, dst, dstOffset);
    }

    /** The levels as {@link #levels} leaves them, row by row into one contiguous plane at dst[to..]. */
    private void copyRows(int[] level, byte[] dst, int to) {
        boolean pool = layer.maxPool();
        int oh = pool ? layer.inHeight() / 2 : layer.inHeight();
        int width = pool ? layer.inWidth() / 2 : layer.inWidth();
        int stride = pool ? width : paddedWidth;
        for (int y = 0; y < oh; y++) {
            int row = to + y * width;
            int src = y * stride;
            for (int x = 0; x < width; x++) {
                dst[row + x] = (byte) level[src + x];
            }
        }
    }

    /**
     * Output channel o's sums (scratch.acc) → max-pool → BatchNorm → codes in scratch.level (rows of the pooled width,
     * or of the padded width without pooling), with exactly the float path's operations. Separate simple loops so that
     * C2 vectorises the arithmetic (the float-to-int conversion stays scalar on JDK 17; since the members share each
     * channel's codes it runs about once per channel and chunk on the chip's weights, see {@link #members}).
     */
    private void levels(Scratch scratch, int o) {
        float[] acc = scratch.acc;
        float[] v = scratch.v;
        int[] level = scratch.level;
        int h = layer.inHeight();
        int w = layer.inWidth();
        int wp = paddedWidth;
        float m = mean[o];
        float s = inv[o];
        float hi = nextHigh;
        float ni = nextInv;
        boolean pool = layer.maxPool();
        int oh = pool ? h / 2 : h;
        int width = pool ? w / 2 : w;
        int stride = pool ? width : wp;
        int n = oh * stride;
        if (pool) {
            for (int y = 0; y < oh; y++) {
                int r0 = 2 * y * wp;
                int r1 = r0 + wp;
                for (int x = 0; x < width; x++) {
                    int i = 2 * x;
                    v[y * width + x] = Math.max(Math.max(acc[r0 + i], acc[r0 + i + 1]), Math.max(acc[r1 + i], acc[r1 + i + 1]));
                }
            }
        } else {
            System.arraycopy(acc, 0, v, 0, n);
        }
        for (int i = 0; i < n; i++) {
            v[i] = UniformActivationQuantiser.nearestEven(Math.min(hi, Math.max(0f, (v[i] - m) * s)) * ni);
        }
        for (int i = 0; i < n; i++) {
            level[i] = (int) v[i];
        }
    }
}
