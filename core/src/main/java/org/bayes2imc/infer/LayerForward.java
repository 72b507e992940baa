package org.bayes2imc.infer;

import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * One layer of a sampled VGGBinaryConnect-family network (SPEC §2.3) on a batch: conv 3×3 stride 1 same-padding or
 * FC, no bias, with weights in PyTorch layout ([out,in,k,k] / [out,in]) → optional 2×2 max-pool → BatchNorm from
 * running statistics without scale/shift → ReLU (not on the last layer). Activations are NCHW float arrays,
 * image-major, so a flattened conv output is in C,H,W order as the first FC layer expects.
 *
 * <p>The split {@link #linear} / {@link #postLinear} lets the hardware simulator add partial sums (deterministic
 * plane + stochastic plane) before pooling and BatchNorm; {@link #linearRows} computes a partial sum over a subset
 * of the weight matrix's input rows (im2col rows for conv), so a sparse stochastic plane costs only its rows.
 *
 * <p>Work is split by image (conv) or by fixed 64-image blocks (FC) over {@link Parallel}; every output value is
 * produced by the same single-threaded kernel call whatever the thread count, so results are bit-identical.
 */
public final class LayerForward {
    /** Images per FC kernel call; fixed so rounding never depends on the thread count. */
    public static final int FC_BLOCK = 64;

    private LayerForward() {
    }

    /** Full layer: {@link #postLinear} of {@link #linear}. Returns [batch × outputSize]. */
    public static float[] forward(LayerSpec layer, float[] weights, float[] bnMean, float[] bnVar, float[] input, int batch) {
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
        int[] rowList = rows == null ? allRows(layer.fanIn()) : rows;
        Parallel.forEach(batch, b -> {
            float[] cols = im2col(layer, input, b * layer.inputSize(), rowList);
            gemm.multiply(out, positions, k, weights, 0, cols, 0, false, result, b * out * positions);
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

    /** The im2col matrix [rows.length][H·W] of one image: row r holds input (c, y+ky−pad, x+kx−pad), 0 outside. */
    static float[] im2col(LayerSpec layer, float[] input, int offset, int[] rows) {
        int h = layer.inHeight();
        int w = layer.inWidth();
        int kk = layer.kernel();
        int pad = layer.padding();
        int positions = h * w;
        float[] cols = new float[rows.length * positions];
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
                if (sy < 0 || sy >= h || xTo <= xFrom) {
                    continue;
                }
                System.arraycopy(input, plane + sy * w + xFrom + dx, cols, dst + y * w + xFrom, xTo - xFrom);
            }
        }
        return cols;
    }

    /**
     * Max-pool (if the layer has it), BatchNorm (x − mean)/sqrt(var + eps) without scale/shift, then ReLU (if the
     * layer has it). {@code linear} is [batch][out][H][W] (conv) or [batch][out]; returns [batch × outputSize].
     */
    public static float[] postLinear(LayerSpec layer, float[] bnMean, float[] bnVar, float[] linear, int batch) {
        int out = layer.outChannels();
        if (bnMean.length != out || bnVar.length != out) {
            throw new IllegalArgumentException(layer.name() + ": BatchNorm statistics need " + out + " values");
        }
        int inPlane = layer.kind() == LayerKind.CONV ? layer.positions() : 1;
        if (linear.length < (long) batch * out * inPlane) {
            throw new IllegalArgumentException(layer.name() + ": linear output holds " + linear.length + " values");
        }
        float[] x = layer.maxPool() ? maxPool(linear, batch * out, layer.inHeight(), layer.inWidth()) : linear.clone();
        int plane = layer.maxPool() ? inPlane / 4 : inPlane;
        float[] inv = new float[out];
        float[] mean = new float[out];
        for (int c = 0; c < out; c++) {
            inv[c] = (float) (1.0 / Math.sqrt(bnVar[c] + layer.bnEps()));
            mean[c] = bnMean[c];
        }
        boolean relu = layer.relu();
        Parallel.forEach(batch, b -> {
            for (int c = 0; c < out; c++) {
                int base = (b * out + c) * plane;
                float m = mean[c];
                float s = inv[c];
                for (int i = base; i < base + plane; i++) {
                    float v = (x[i] - m) * s;
                    x[i] = relu && v < 0f ? 0f : v;
                }
            }
        });
        return x;
    }

    /** 2×2 stride-2 max-pool over {@code planes} maps of h×w (h, w even). */
    static float[] maxPool(float[] in, int planes, int h, int w) {
        int oh = h / 2;
        int ow = w / 2;
        float[] out = new float[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            int src = p * h * w;
            int dst = p * oh * ow;
            for (int y = 0; y < oh; y++) {
                int r0 = src + 2 * y * w;
                int r1 = r0 + w;
                for (int x = 0; x < ow; x++) {
                    int i = 2 * x;
                    out[dst + y * ow + x] = Math.max(Math.max(in[r0 + i], in[r0 + i + 1]), Math.max(in[r1 + i], in[r1 + i + 1]));
                }
            }
        }
        return out;
    }
}
