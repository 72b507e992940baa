package org.bayes2imc.infer;

import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * The integer forms of {@link LayerForward}'s steps for quantised networks: 8-bit activation codes (unsigned, the
 * inputs of ReLU layers) in the layout the next kernel reads — NHWC for conv, the C·H·W flattening for FC — s32 sums
 * from {@link Int8Conv} / {@link Int8Matmul}, and the post-linear steps (max-pool, BatchNorm, ReLU, the next layer's
 * quantisation) applied to those sums with exactly the float path's arithmetic. Because every ±1-weighted sum of
 * codes is an exact integer and step is a power of two, float(sum)·step equals the float kernels' output, so both
 * paths give the same bits.
 */
public final class Int8Layers {
    private Int8Layers() {
    }

    /**
     * Codes of layer {@code layer}'s real input [batch × inputSize] (NCHW / flat), on the quantiser's grid with low = 0,
     * in the layout that layer's kernel reads.
     */
    public static byte[] codes(LayerSpec layer, UniformActivationQuantiser qz, int index, float[] x, int batch) {
        float hi = qz.high()[index];
        float inv = 1f / qz.step(index);
        byte[] out = new byte[batch * layer.inputSize()];
        if (layer.kind() == LayerKind.FC) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) UniformActivationQuantiser.code(x[i], 0f, hi, inv);
            }
            return out;
        }
        int c = layer.inChannels();
        int plane = layer.inHeight() * layer.inWidth();
        for (int b = 0; b < batch; b++) {
            int base = b * c * plane;
            for (int ch = 0; ch < c; ch++) {
                int src = base + ch * plane;
                for (int p = 0; p < plane; p++) {
                    out[base + p * c + ch] = (byte) UniformActivationQuantiser.code(x[src + p], 0f, hi, inv);
                }
            }
        }
        return out;
    }

    /** The layer's s32 sums of a batch: conv [batch][H][W][out], FC [batch][out]. */
    public static int[] linear(LayerSpec layer, byte[] weights, byte[] codes, int batch) {
        int[] sums = new int[batch * layer.outChannels() * (layer.kind() == LayerKind.CONV ? layer.positions() : 1)];
        if (layer.kind() == LayerKind.CONV) {
            Int8Conv.of(layer, batch).apply(codes, weights, sums);
        } else {
            Int8Matmul.of(batch, layer.inputSize(), layer.outChannels()).apply(codes, 0, weights, sums);
        }
        return sums;
    }

    /** An FC layer's sums over a subset of its inputs: weights [out][rows.length]. */
    public static int[] linearRows(LayerSpec layer, byte[] weights, int[] rows, byte[] codes, int batch) {
        int in = layer.inputSize();
        int k = rows.length;
        byte[] gathered = new byte[batch * k];
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < k; r++) {
                gathered[b * k + r] = codes[b * in + rows[r]];
            }
        }
        int[] sums = new int[batch * layer.outChannels()];
        if (k > 0) {
            Int8Matmul.of(batch, k, layer.outChannels()).apply(gathered, 0, weights, sums);
        }
        return sums;
    }

    /**
     * s32 bytes per fused conv block: about one core's L2 on current server parts, so a block's sums are mostly still
     * in cache when the post-linear step reads them. Measured in thread CPU time on fmnist-small and VGG conv layers
     * (64-image chunks): blocks of 0.5–2 MiB beat both single images (per-call overhead) and whole chunks.
     */
    public static final int FUSED_BLOCK_BYTES = 1024 * 1024;

    /** Images per fused conv block for this layer and batch: as many as fit {@link #FUSED_BLOCK_BYTES}, at least 1. */
    public static int fusedBlockImages(LayerSpec layer, int batch) {
        long perImage = 4L * layer.outChannels() * layer.positions();
        return (int) Math.max(1, Math.min(batch, FUSED_BLOCK_BYTES / perImage));
    }

    /**
     * The layer's forward pass fused: {@code post.apply(linear(post.layer(), weights, codes, batch), batch)}, with the
     * same bits (sums are exact integers and the post-linear step works image by image), but a conv layer runs over
     * blocks of {@link #fusedBlockImages} images with its weights reordered once, each block's sums turned into the
     * next layer's input while they are in cache, and no batch-sized sum array.
     */
    public static Object fused(Post post, byte[] weights, byte[] codes, int batch) {
        return fused(post, weights, codes, batch, fusedBlockImages(post.layer(), batch));
    }

    /** {@link #fused(Post, byte[], byte[], int)} with a given block size (tests and benchmarks vary it). */
    public static Object fused(Post post, byte[] weights, byte[] codes, int batch, int blockImages) {
        LayerSpec layer = post.layer();
        if (layer.kind() == LayerKind.FC) {
            return post.apply(linear(layer, weights, codes, batch), batch);
        }
        if (blockImages < 1) {
            throw new IllegalArgumentException("fused block must hold at least 1 image, got " + blockImages);
        }
        Object dst = post.newOutput(batch);
        int block = Math.min(blockImages, batch);
        int perImage = layer.outChannels() * layer.positions();
        int inSize = layer.inputSize();
        float[][] holder = FLOAT_SUMS_SCRATCH.get();
        if (holder[0].length < block * perImage) {
            holder[0] = new float[block * perImage];
        }
        float[] sums = holder[0];
        int whole = batch / block;
        if (whole > 0) {
            Int8Conv conv = Int8Conv.ofFloatSums(layer, block);
            conv.load(weights);
            for (int i = 0; i < whole; i++) {
                conv.applyLoaded(codes, i * block * inSize, sums, 0);
                post.applyImages(sums, 0, i * block, block, dst);
            }
        }
        int rest = batch - whole * block;
        if (rest > 0) {
            Int8Conv conv = Int8Conv.ofFloatSums(layer, rest);
            conv.load(weights);
            conv.applyLoaded(codes, whole * block * inSize, sums, 0);
            post.applyImages(sums, 0, whole * block, rest, dst);
        }
        return dst;
    }

    /**
     * The fused conv path reads its sums as f32 (the same integers, {@link Int8Conv#ofFloatSums}): int-to-float
     * conversion is what kept C2 from vectorising the post-linear arithmetic.
     */
    private static final ThreadLocal<float[][]> FLOAT_SUMS_SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    private static void maxOfFour(float[] s, int a, int b, int c, int d, float[] t, int to, int n) {
        for (int i = 0; i < n; i++) {
            t[to + i] = Math.max(Math.max(s[a + i], s[b + i]), Math.max(s[c + i], s[d + i]));
        }
    }

    private static void maxOfFour(int[] s, int a, int b, int c, int d, int[] t, int to, int n) {
        for (int i = 0; i < n; i++) {
            t[to + i] = Math.max(Math.max(s[a + i], s[b + i]), Math.max(s[c + i], s[d + i]));
        }
    }

    /**
     * Pool → BatchNorm → ReLU of the sums of layer {@code layer} (input grid spacing {@code step}), written either as
     * the next layer's codes (when {@code next} is non-null: its layout, its range [0, nextHigh] with spacing
     * 1/nextInv) or as real values in the float path's layout ([batch × outputSize], NCHW / flat).
     */
    public static Object post(LayerSpec layer, int[] sums, int batch, float step, float[] bnMean, float[] bnVar,
                              LayerSpec next, float nextHigh, float nextInv) {
        return new Post(layer, step, bnMean, bnVar, next, nextHigh, nextInv).apply(sums, batch);
    }

    /**
     * {@link #post} for one layer with its per-channel factors computed once (the deployed core applies it to every
     * member and chunk).
     */
    public static final class Post {
        private final LayerSpec layer;
        private final float step;
        private final float[] bnMean;
        private final float[] inv;
        private final LayerSpec next;
        private final float nextHigh;
        private final float nextInv;
        /** Conv: the BatchNorm factors tiled over one output image's NHWC positions (flat loops vectorise). */
        private final float[] meanTiled;
        private final float[] invTiled;

        public Post(LayerSpec layer, float step, float[] bnMean, float[] bnVar, LayerSpec next, float nextHigh,
                    float nextInv) {
            BatchNormStats.Factors bn = BatchNormStats.Factors.of(layer, bnMean, bnVar);
            this.layer = layer;
            this.step = step;
            this.bnMean = bn.mean();
            this.inv = bn.inverseStd();
            this.next = next;
            this.nextHigh = nextHigh;
            this.nextInv = nextInv;
            if (layer.kind() == LayerKind.CONV) {
                BatchNormStats.Factors tiled = bn.tiled(layer.outputSize() / layer.outChannels());
                meanTiled = tiled.mean();
                invTiled = tiled.inverseStd();
            } else {
                meanTiled = null;
                invTiled = null;
            }
        }

        /** The layer whose sums this step reads. */
        public LayerSpec layer() {
            return layer;
        }

        /** The grid spacing of the layer's input codes (a power of two on the integer path). */
        float step() {
            return step;
        }

        /** The BatchNorm (mean, 1/σ) per output channel. */
        BatchNormStats.Factors batchNorm() {
            return new BatchNormStats.Factors(bnMean, inv);
        }

        /** The layer whose codes this step writes, or null when it writes real values. */
        LayerSpec next() {
            return next;
        }

        /** The upper end of the next layer's code range. */
        float nextHigh() {
            return nextHigh;
        }

        /** 1/(the next layer's grid spacing). */
        float nextInv() {
            return nextInv;
        }

        /** The next layer's codes (byte[]) or real values (float[]) of a batch's sums. */
        public Object apply(int[] sums, int batch) {
            Object dst = newOutput(batch);
            applyImages(sums, 0, 0, batch, dst);
            return dst;
        }

        /** An output array for {@code batch} images: codes (byte[]) when a next layer is set, else reals (float[]). */
        public Object newOutput(int batch) {
            return next != null ? new byte[batch * layer.outputSize()] : new float[batch * layer.outputSize()];
        }

        /** Per-thread work arrays of {@link #applyImages(float[], int, int, int, Object)}: values and levels of one image. */
        private static final ThreadLocal<Object[]> IMAGE_SCRATCH = ThreadLocal.withInitial(() -> new Object[] {new float[0], new int[0]});

        /**
         * {@link #applyImages(int[], int, int, int, Object)} of a conv layer whose sums come as floats (exact integers,
         * from {@link Int8Conv#ofFloatSums}): the same operations on the same values, hence the same bits, in loops
         * over an image at offset 0 that C2 vectorises.
         */
        public void applyImages(float[] sums, int sumsOffset, int first, int count, Object dst) {
            if (layer.kind() != LayerKind.CONV) {
                throw new IllegalArgumentException(layer.name() + ": float sums are for conv layers");
            }
            int out = layer.outChannels();
            boolean relu = layer.relu();
            boolean toCodes = next != null;
            boolean nhwc = toCodes && next.kind() == LayerKind.CONV;
            byte[] codes = toCodes ? (byte[]) dst : null;
            float[] real = toCodes ? null : (float[]) dst;
            int h = layer.inHeight();
            int w = layer.inWidth();
            boolean pool = layer.maxPool();
            int oh = pool ? h / 2 : h;
            int ow = pool ? w / 2 : w;
            int plane = oh * ow;
            int image = plane * out;
            Object[] scratch = IMAGE_SCRATCH.get();
            if (((float[]) scratch[0]).length < image) {
                scratch[0] = new float[image];
                scratch[1] = new int[image];
            }
            float[] v = (float[]) scratch[0];
            int[] level = (int[]) scratch[1];
            float[] mt = meanTiled;
            float[] it = invTiled;
            float hi = nextHigh;
            float ni = nextInv;
            for (int b = first; b < first + count; b++) {
                int aOff = sumsOffset + (b - first) * h * w * out;
                if (pool) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            int s00 = aOff + ((2 * y) * w + 2 * x) * out;
                            maxOfFour(sums, s00, s00 + out, s00 + w * out, s00 + w * out + out, v, (y * ow + x) * out, out);
                        }
                    }
                } else {
                    System.arraycopy(sums, aOff, v, 0, image);
                }
                int outBase = b * image;
                if (toCodes && nhwc) {
                    // BatchNorm, then the code's clamp (which is the ReLU) and rounding: the operations of the int
                    // version in its order, in one float loop; the narrowing steps stand alone (see there)
                    for (int i = 0; i < image; i++) {
                        v[i] = UniformActivationQuantiser.nearestEven(Math.min(hi, Math.max(0f, (v[i] * step - mt[i]) * it[i])) * ni);
                    }
                    for (int i = 0; i < image; i++) {
                        level[i] = (int) v[i];
                    }
                    for (int i = 0; i < image; i++) {
                        codes[outBase + i] = (byte) level[i];
                    }
                    continue;
                }
                for (int i = 0; i < image; i++) {
                    v[i] = (v[i] * step - mt[i]) * it[i];
                }
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < out; c++) {
                        float r = v[p * out + c];
                        if (toCodes) {
                            codes[outBase + c * plane + p] = (byte) UniformActivationQuantiser.code(r, 0f, nextHigh, nextInv);
                        } else {
                            real[outBase + c * plane + p] = relu && r < 0f ? 0f : r;
                        }
                    }
                }
            }
        }

        /**
         * Writes images [first, first + count) of {@code dst} (from {@link #newOutput}) from their sums, which start
         * at {@code sums[sumsOffset]}. Each image is computed on its own, so a batch done in blocks gives the bits of
         * one call on the whole batch.
         */
        public void applyImages(int[] sums, int sumsOffset, int first, int count, Object dst) {
            int out = layer.outChannels();
            boolean relu = layer.relu();
            boolean toCodes = next != null;
            boolean nhwc = toCodes && next.kind() == LayerKind.CONV;
            byte[] codes = toCodes ? (byte[]) dst : null;
            float[] real = toCodes ? null : (float[]) dst;
            if (layer.kind() == LayerKind.FC) {
                for (int b = first; b < first + count; b++) {
                    int src = sumsOffset + (b - first) * out;
                    for (int c = 0; c < out; c++) {
                        int i = b * out + c;
                        float v = (sums[src + c] * step - bnMean[c]) * inv[c];
                        v = relu && v < 0f ? 0f : v;
                        if (toCodes) {
                            codes[i] = (byte) UniformActivationQuantiser.code(v, 0f, nextHigh, nextInv);
                        } else {
                            real[i] = v;
                        }
                    }
                }
                return;
            }
            int h = layer.inHeight();
            int w = layer.inWidth();
            boolean pool = layer.maxPool();
            int oh = pool ? h / 2 : h;
            int ow = pool ? w / 2 : w;
            int plane = oh * ow;
            int image = plane * out;
            int[] pooled = pool ? new int[image] : null;
            float[] v = new float[image];
            int[] level = toCodes && nhwc ? new int[image] : null;
            for (int b = first; b < first + count; b++) {
                int[] a = sums;
                int aOff = sumsOffset + (b - first) * h * w * out;
                if (pool) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            int s00 = aOff + ((2 * y) * w + 2 * x) * out;
                            maxOfFour(sums, s00, s00 + out, s00 + w * out, s00 + w * out + out, pooled,
                                    (y * ow + x) * out, out);
                        }
                    }
                    a = pooled;
                    aOff = 0;
                }
                for (int i = 0; i < image; i++) {
                    v[i] = (a[aOff + i] * step - meanTiled[i]) * invTiled[i];
                }
                int outBase = b * image;
                if (toCodes && nhwc) {
                    // The code's clamp at 0 is the ReLU: both map every v < 0 to level 0. Three simple loops instead of
                    // one: C2 vectorises the clamp and the narrowing only when each stands alone (≈2× here).
                    for (int i = 0; i < image; i++) {
                        v[i] = UniformActivationQuantiser.nearestEven(Math.min(nextHigh, Math.max(0f, v[i])) * nextInv);
                    }
                    for (int i = 0; i < image; i++) {
                        level[i] = (int) v[i];
                    }
                    for (int i = 0; i < image; i++) {
                        codes[outBase + i] = (byte) level[i];
                    }
                    continue;
                }
                for (int p = 0; p < plane; p++) {
                    for (int c = 0; c < out; c++) {
                        float r = v[p * out + c];
                        if (toCodes) {
                            codes[outBase + c * plane + p] = (byte) UniformActivationQuantiser.code(r, 0f, nextHigh, nextInv);
                        } else {
                            real[outBase + c * plane + p] = relu && r < 0f ? 0f : r;
                        }
                    }
                }
            }
        }
    }
}
