package org.bayes2imc.infer;

import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * One layer of a sampled VGGBinaryConnect-family network (docs/MODEL.md §2.3) on a batch: conv 3×3 stride 1 same-padding or
 * FC, no bias, with weights in PyTorch layout ([out,in,k,k] / [out,in]) → optional 2×2 max-pool → BatchNorm from
 * running statistics without scale/shift → ReLU (not on the last layer). Activations are NCHW float arrays,
 * image-major, so a flattened conv output is in C,H,W order as the first FC layer expects.
 *
 * <p>The split {@link #linear} / {@link #postLinear} lets the hardware simulator add partial sums (deterministic
 * plane + stochastic plane) before pooling and BatchNorm; {@link #linearRows} computes a partial sum over a subset
 * of the weight matrix's input rows (im2col rows for conv), so a sparse stochastic plane costs only its rows.
 *
 * <p>Work is split by image (conv) or by fixed {@link #FC_BLOCK}-image blocks (FC) over {@link Parallel}; every output value is
 * produced by the same single-threaded kernel call whatever the thread count, so results are bit-identical.
 */
public final class LayerForward {
    /**
     * Images per FC kernel call; fixed so rounding never depends on the thread count, and large enough that copying
     * the weight matrix to the kernel costs a few percent of the multiply.
     */
    public static final int FC_BLOCK = 256;

    /** The kernels behind the float forward pass, for reports: "onednn-f32 conv + openblas fc" or "openblas". */
    public static String kernelName() {
        return OneDnn.available() ? "onednn-f32 conv + " + Sgemm.best().name() + " fc" : Sgemm.best().name();
    }

    /** Images per oneDNN float convolution call (fixed, so rounding never depends on the thread count). */
    public static final int CONV_BLOCK = 32;

    private LayerForward() {
    }

    /** Full layer: {@link #postLinear} of {@link #linear}. Returns [batch × outputSize]. */
    public static float[] forward(LayerSpec layer, float[] weights, float[] bnMean, float[] bnVar, float[] input, int batch) {
        if (layer.kind() == LayerKind.CONV) {
            return convForwardFused(layer, weights, bnMean, bnVar, input, batch);
        }
        return postLinear(layer, bnMean, bnVar, linear(layer, weights, input, batch), batch);
    }

    /**
     * The pre-pooling linear output: [batch][out][H][W] for conv (H, W = input size), [batch][out] for FC.
     *
     * @param weights PyTorch layout, {@code layer.weightCount()} values (any reals; ±1 for sampled networks)
     * @param input   [batch × layer.inputSize()]
     */
    public static float[] linear(LayerSpec layer, float[] weights, float[] input, int batch) {
        return linearRows(layer, weights, null, input, batch);
    }

    /**
     * The linear output restricted to a subset of input rows of the weight matrix (fanIn index = in·k·k + ky·k + kx
     * for conv, the input feature for FC): Σ over the given rows only.
     *
     * @param weights [out][rows.length] (row-major over the subset, same order as {@code rows});
     *                when {@code rows} is null, all fanIn rows in PyTorch layout
     * @param rows    strictly the rows to include, or null for all
     */
    public static float[] linearRows(LayerSpec layer, float[] weights, int[] rows, float[] input, int batch) {
        int k = rows == null ? layer.fanIn() : rows.length;
        int out = layer.outChannels();
        if (weights.length != (long) out * k) {
            throw new IllegalArgumentException(layer.name() + ": " + weights.length + " weights, expected " + (long) out * k);
        }
        if (input.length < (long) batch * layer.inputSize()) {
            throw new IllegalArgumentException(layer.name() + ": input holds " + input.length + " values, need "
                    + (long) batch * layer.inputSize());
        }
        Sgemm gemm = Sgemm.best();
        if (layer.kind() == LayerKind.FC) {
            float[] result = new float[batch * out];
            int blocks = (batch + FC_BLOCK - 1) / FC_BLOCK;
            int inSize = layer.inputSize();
            Parallel.forEach(blocks, blk -> {
                int from = blk * FC_BLOCK;
                int m = Math.min(FC_BLOCK, batch - from);
                if (k == 0) {
                    return;
                }
                if (rows == null) {
                    gemm.multiply(m, out, k, input, from * inSize, weights, 0, true, result, from * out);
                } else {
                    float[] gathered = new float[m * k];
                    for (int i = 0; i < m; i++) {
                        int base = (from + i) * inSize;
                        for (int r = 0; r < k; r++) {
                            gathered[i * k + r] = input[base + rows[r]];
                        }
                    }
                    gemm.multiply(m, out, k, gathered, 0, weights, 0, true, result, from * out);
                }
            });
            return result;
        }
        int positions = layer.positions();
        float[] result = new float[batch * out * positions];
        if (k == 0) {
            return result;
        }
        if (rows == null && OneDnn.available()) {
            // Same blocks and kernel as the fused forward, so the two agree bit for bit.
            directConv(layer, weights, input, batch, result, null);
            return result;
        }
        int[] rowList = rows == null ? allRows(layer.fanIn()) : rows;
        Parallel.forEach(batch, b -> {
            float[] cols = scratch(k * positions);
            im2col(layer, input, b * layer.inputSize(), rowList, cols);
            gemm.multiply(out, positions, k, weights, 0, cols, 0, false, result, b * out * positions);
        });
        return result;
    }

    /**
     * The linear outputs of {@code members} weight sets applied to the same input, computed with one kernel call per
     * image (conv, one im2col shared by all members) or per FC block: the first ensembled layer of a sparsity-aware
     * evaluation, where every member sees the same once-computed input. Same row convention as {@link #linearRows}.
     *
     * @param stackedWeights [members][out][rows.length] (rows null: all fanIn rows, PyTorch layout per member)
     * @return [members][batch × out × positions] (positions = 1 for FC), each as {@link #linearRows} would return
     */
    public static float[][] linearRowsStacked(LayerSpec layer, float[] stackedWeights, int members, int[] rows,
                                              float[] input, int batch) {
        int k = rows == null ? layer.fanIn() : rows.length;
        int out = layer.outChannels();
        int mo = members * out;
        if (members < 1 || stackedWeights.length != (long) mo * k) {
            throw new IllegalArgumentException(layer.name() + ": " + stackedWeights.length + " stacked weights, expected "
                    + (long) mo * k + " for " + members + " members");
        }
        if (input.length < (long) batch * layer.inputSize()) {
            throw new IllegalArgumentException(layer.name() + ": input holds " + input.length + " values, need "
                    + (long) batch * layer.inputSize());
        }
        Sgemm gemm = Sgemm.best();
        int positions = layer.kind() == LayerKind.FC ? 1 : layer.positions();
        float[][] result = new float[members][batch * out * positions];
        if (k == 0) {
            return result;
        }
        int inSize = layer.inputSize();
        if (layer.kind() == LayerKind.FC) {
            int blocks = (batch + FC_BLOCK - 1) / FC_BLOCK;
            Parallel.forEach(blocks, blk -> {
                int from = blk * FC_BLOCK;
                int m = Math.min(FC_BLOCK, batch - from);
                float[] x = input;
                int xOffset = from * inSize;
                if (rows != null) {
                    x = new float[m * k];
                    xOffset = 0;
                    for (int i = 0; i < m; i++) {
                        int base = (from + i) * inSize;
                        for (int r = 0; r < k; r++) {
                            x[i * k + r] = input[base + rows[r]];
                        }
                    }
                }
                float[] tmp = new float[m * mo];
                gemm.multiply(m, mo, k, x, xOffset, stackedWeights, 0, true, tmp, 0);
                for (int i = 0; i < m; i++) {
                    for (int s = 0; s < members; s++) {
                        System.arraycopy(tmp, i * mo + s * out, result[s], (from + i) * out, out);
                    }
                }
            });
            return result;
        }
        int[] rowList = rows == null ? allRows(layer.fanIn()) : rows;
        Parallel.forEach(batch, b -> {
            float[] cols = scratch(k * positions);
            im2col(layer, input, b * inSize, rowList, cols);
            float[] tmp = new float[mo * positions];
            gemm.multiply(mo, positions, k, stackedWeights, 0, cols, 0, false, tmp, 0);
            for (int s = 0; s < members; s++) {
                System.arraycopy(tmp, s * out * positions, result[s], b * out * positions, out * positions);
            }
        });
        return result;
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    /** A per-thread reusable buffer of at least {@code size} floats (im2col matrices are large: no per-image garbage). */
    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    /** The whole im2col matrix of one image (every fan-in row) into cols[fanIn][H·W]; see below. */
    public static void im2col(LayerSpec layer, float[] input, int offset, float[] cols) {
        im2col(layer, input, offset, allRows(layer.fanIn()), cols);
    }

    /** The im2col matrix of one image into cols[rows.length][H·W]: row r holds input (c, y+ky−pad, x+kx−pad), 0 outside. */
    static void im2col(LayerSpec layer, float[] input, int offset, int[] rows, float[] cols) {
        int h = layer.inHeight();
        int w = layer.inWidth();
        int kk = layer.kernel();
        int pad = layer.padding();
        int positions = h * w;
        for (int r = 0; r < rows.length; r++) {
            int fan = rows[r];
            int c = fan / (kk * kk);
            int ky = (fan / kk) % kk;
            int kx = fan % kk;
            int plane = offset + c * positions;
            int dst = r * positions;
            int dx = kx - pad;
            int xFrom = Math.max(0, -dx);
            int xTo = Math.min(w, w - dx);
            for (int y = 0; y < h; y++) {
                int sy = y + ky - pad;
                int line = dst + y * w;
                if (sy < 0 || sy >= h || xTo <= xFrom) {
                    java.util.Arrays.fill(cols, line, line + w, 0f);
                    continue;
                }
                java.util.Arrays.fill(cols, line, line + xFrom, 0f);
                System.arraycopy(input, plane + sy * w + xFrom + dx, cols, line + xFrom, xTo - xFrom);
                java.util.Arrays.fill(cols, line + xTo, line + w, 0f);
            }
        }
    }

    /**
     * Max-pool (if the layer has it), BatchNorm (x − mean)/sqrt(var + eps) without scale/shift, then ReLU (if the
     * layer has it). {@code linear} is [batch][out][H][W] (conv) or [batch][out] and is not modified; returns
     * [batch × outputSize].
     */
    public static float[] postLinear(LayerSpec layer, float[] bnMean, float[] bnVar, float[] linear, int batch) {
        int inPlane = layer.kind() == LayerKind.CONV ? layer.positions() : 1;
        if (linear.length < (long) batch * layer.outChannels() * inPlane) {
            throw new IllegalArgumentException(layer.name() + ": linear output holds " + linear.length + " values");
        }
        Post post = new Post(layer, bnMean, bnVar);
        float[] x = new float[batch * layer.outputSize()];
        Parallel.forEach(batch, b -> post.apply(linear, b * layer.outChannels() * inPlane, x, b * layer.outputSize()));
        return x;
    }

    /** Conv layer with the post-linear steps fused per image, so each image's linear output stays in cache. */
    private static float[] convForwardFused(LayerSpec layer, float[] weights, float[] bnMean, float[] bnVar,
                                            float[] input, int batch) {
        int k = layer.fanIn();
        int out = layer.outChannels();
        int positions = layer.positions();
        if (weights.length != (long) out * k) {
            throw new IllegalArgumentException(layer.name() + ": " + weights.length + " weights, expected " + (long) out * k);
        }
        if (input.length < (long) batch * layer.inputSize()) {
            throw new IllegalArgumentException(layer.name() + ": input holds " + input.length + " values, need "
                    + (long) batch * layer.inputSize());
        }
        Post post = new Post(layer, bnMean, bnVar);
        float[] result = new float[batch * layer.outputSize()];
        if (OneDnn.available()) {
            // Direct convolution on fixed blocks of images: no im2col, and a block's sums never depend on threads.
            directConv(layer, weights, input, batch, null, (from, m, lin, offset) -> {
                for (int b = 0; b < m; b++) {
                    post.apply(lin, offset + b * out * positions, result, (from + b) * layer.outputSize());
                }
            });
            return result;
        }
        Sgemm gemm = Sgemm.best();
        int[] rows = allRows(k);
        Parallel.forEach(batch, b -> {
            float[] cols = scratch(k * positions);
            im2col(layer, input, b * layer.inputSize(), rows, cols);
            float[] lin = LIN_SCRATCH.get();
            if (lin.length < out * positions) {
                lin = new float[out * positions];
                LIN_SCRATCH.set(lin);
            }
            gemm.multiply(out, positions, k, weights, 0, cols, 0, false, lin, 0);
            post.apply(lin, 0, result, b * layer.outputSize());
        });
        return result;
    }

    /** Receives one block's linear output: images [from, from + m) at lin[offset..]. */
    private interface ConvBlock {
        void accept(int from, int m, float[] lin, int offset);
    }

    /**
     * A conv layer's linear output on oneDNN's f32 direct kernel over fixed blocks of {@link #CONV_BLOCK} images,
     * written into {@code into} ([batch][out][H][W]) or, when it is null, into a per-thread scratch block, and handed
     * to {@code block} (may be null).
     */
    private static void directConv(LayerSpec layer, float[] weights, float[] input, int batch, float[] into,
                                   ConvBlock block) {
        int perImage = layer.outChannels() * layer.positions();
        int inSize = layer.inputSize();
        int blocks = (batch + CONV_BLOCK - 1) / CONV_BLOCK;
        Parallel.forEach(blocks, blk -> {
            int from = blk * CONV_BLOCK;
            int m = Math.min(CONV_BLOCK, batch - from);
            float[] lin = into;
            int offset = from * perImage;
            if (lin == null) {
                lin = LIN_SCRATCH.get();
                if (lin.length < m * perImage) {
                    lin = new float[m * perImage];
                    LIN_SCRATCH.set(lin);
                }
                offset = 0;
            }
            F32Conv.of(layer, m).apply(input, from * inSize, weights, lin, offset);
            if (block != null) {
                block.accept(from, m, lin, offset);
            }
        });
    }

    private static final ThreadLocal<float[]> LIN_SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** Pool + BatchNorm + ReLU of one image, with the BatchNorm factors computed once per call. */
    private static final class Post {
        private final LayerSpec layer;
        private final float[] mean;
        private final float[] inv;

        Post(LayerSpec layer, float[] bnMean, float[] bnVar) {
            BatchNormStats.Factors bn = BatchNormStats.Factors.of(layer, bnMean, bnVar);
            this.layer = layer;
            this.mean = bn.mean();
            this.inv = bn.inverseStd();
        }

        void apply(float[] lin, int linOffset, float[] dst, int dstOffset) {
            int out = layer.outChannels();
            int inPlane = layer.kind() == LayerKind.CONV ? layer.positions() : 1;
            int plane = inPlane;
            if (layer.maxPool()) {
                maxPool(lin, linOffset, out, layer.inHeight(), layer.inWidth(), dst, dstOffset);
                plane = inPlane / 4;
            } else {
                System.arraycopy(lin, linOffset, dst, dstOffset, out * inPlane);
            }
            boolean relu = layer.relu();
            for (int c = 0; c < out; c++) {
                int base = dstOffset + c * plane;
                float m = mean[c];
                float s = inv[c];
                if (!relu) {
                    for (int i = base; i < base + plane; i++) {
                        dst[i] = (dst[i] - m) * s;
                    }
                    continue;
                }
                for (int i = base; i < base + plane; i++) {
                    float v = (dst[i] - m) * s;
                    // ReLU as v < 0 ? +0 : v. Math.max(v, +0) is the same but for −0 and NaN payloads, and is
                    // branch-free, whereas the sign of v after BatchNorm is a coin flip the branch predictor loses
                    // (this loop was 40 % of the demo's Java samples); zeros and NaN, rare, take the exact rule.
                    dst[i] = v == 0f || v != v ? (v < 0f ? 0f : v) : Math.max(v, 0f);
                }
            }
        }
    }

    /** 2×2 stride-2 max-pool of {@code planes} maps of h×w (h, w even) from in[inOffset..] into out[outOffset..]. */
    static void maxPool(float[] in, int inOffset, int planes, int h, int w, float[] out, int outOffset) {
        int oh = h / 2;
        int ow = w / 2;
        for (int p = 0; p < planes; p++) {
            int src = inOffset + p * h * w;
            int dst = outOffset + p * oh * ow;
            for (int y = 0; y < oh; y++) {
                int r0 = src + 2 * y * w;
                int r1 = r0 + w;
                for (int x = 0; x < ow; x++) {
                    int i = 2 * x;
                    out[dst + y * ow + x] = Math.max(Math.max(in[r0 + i], in[r0 + i + 1]), Math.max(in[r1 + i], in[r1 + i + 1]));
                }
            }
        }
    }
}
