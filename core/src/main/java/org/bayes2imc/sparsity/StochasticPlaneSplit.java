package org.bayes2imc.sparsity;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One layer's weights split into a deterministic plane (DP), computed once per image, and a stochastic plane (SP),
 * sampled per ensemble member (docs/MODEL.md §8 row sparsity, second source document). Per member:
 * {@code output = W_dp·x + W_sp,sampled·x_sp}, where x_sp gathers the input rows of the SP and the SP partial sums
 * are added per output column.
 *
 * <p>Layout: PyTorch's, so synapse (input row r, output column o) is at flat index {@code o·fanIn + r}
 * (conv: r = in_channel·k·k + ky·k + kx). The DP is a full-size tensor holding sign(λ) (±1, λ = 0 → +1) for
 * synapses outside the SP and 0 inside it. The SP is a list of {@link Block}s, one per column block of arrays at
 * {@link RowGranularity#ROW_SEGMENT} granularity (only blocks with ≥ 1 stochastic segment are listed), or a single
 * block spanning all columns at {@link RowGranularity#WHOLE_ROW}.
 *
 * <p>Within SP rows the deterministic synapses stay clamped: their stored probability is exactly 1 (λ &gt; 0 or
 * λ = 0) or 0 (λ &lt; 0), so they always sample sign(λ); only the probabilistic synapses carry p = sigmoid(2λ).
 * Under {@link #allStochastic} (no sparsity) nothing is clamped: every synapse carries its own p.
 */
public final class StochasticPlaneSplit {

    /**
     * A compact SP block: input rows {@code rows} × output columns [columnStart, columnEnd), values row-major
     * {@code [rows.length × width]}: entry (i, j) is synapse (rows[i], columnStart + j).
     *
     * @param rows          input-row indices (ascending) of the layer's weight matrix
     * @param probabilities P(w = +1) per entry; exactly 0 or 1 for clamped (deterministic) synapses
     * @param lambdas       the λ per entry as trained (unclamped)
     */
    public record Block(int columnStart, int columnEnd, int[] rows, float[] probabilities, float[] lambdas) {
        public int width() {
            return columnEnd - columnStart;
        }

        /** Synapses in the block: rows × width. */
        public long size() {
            return (long) rows.length * width();
        }
    }

    private final LayerSpec layer;
    private final float[] deterministicWeights;
    private final List<Block> blocks;

    private StochasticPlaneSplit(LayerSpec layer, float[] deterministicWeights, List<Block> blocks) {
        this.layer = layer;
        this.deterministicWeights = deterministicWeights;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Row sparsity: rows (WHOLE_ROW) or row segments (ROW_SEGMENT) holding ≥ 1 probabilistic synapse form the SP;
     * the rest is the DP. Array geometry from the tiling (only the column blocks matter). Probabilistic synapses carry
     * p = sigmoid(2λ), the others, clamped, exactly 1 or 0.
     */
    public static StochasticPlaneSplit of(CrossbarTiling tiling, float[] lambda, SynapseClassifier classifier,
                                          RowGranularity granularity) {
        checkLength(tiling.layer(), lambda);
        boolean[] deterministic = new boolean[lambda.length];
        float[] p = new float[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            float l = lambda[i];
            if (Float.isNaN(l)) {
                throw new IllegalArgumentException(tiling.layer().name() + ": λ[" + i + "] is NaN");
            }
            deterministic[i] = !classifier.isProbabilistic(l);
            p[i] = deterministic[i] ? (SynapseClassifier.clamp(l) > 0 ? 1f : 0f)
                    : (float) SynapseClassifier.probabilityPlusOne(l);
        }
        return of(tiling, lambda, p, deterministic, granularity);
    }

    /**
     * The one definition of the split (docs/MODEL.md §8), for any source of per-synapse state: the rows (WHOLE_ROW) or
     * row segments (ROW_SEGMENT) holding ≥ 1 synapse not flagged {@code deterministic} form the SP, whose blocks
     * carry {@code probabilities} (P(w = +1) per synapse, PyTorch layout: the model's clamped p for the sparsity
     * analysis, the realised read probabilities for a deployed core); the rest is the DP, sign(λ).
     */
    public static StochasticPlaneSplit of(CrossbarTiling tiling, float[] lambda, float[] probabilities,
                                          boolean[] deterministic, RowGranularity granularity) {
        LayerSpec layer = tiling.layer();
        checkLength(layer, lambda);
        if (probabilities.length != lambda.length || deterministic.length != lambda.length) {
            throw new IllegalArgumentException(layer.name() + ": " + probabilities.length + " probabilities and "
                    + deterministic.length + " flags for " + lambda.length + " synapses");
        }
        int fanIn = layer.fanIn();
        int columns = layer.outChannels();
        float[] dp = clampAll(lambda);
        List<Block> blocks = new ArrayList<>();
        if (granularity == RowGranularity.WHOLE_ROW) {
            int[] rows = stochasticRows(deterministic, fanIn, 0, columns);
            if (rows.length > 0) {
                blocks.add(block(lambda, probabilities, dp, fanIn, 0, columns, rows));
            }
        } else {
            int width = tiling.synapsesPerArrayRow();
            for (int c0 = 0; c0 < columns; c0 += width) {
                int c1 = Math.min(columns, c0 + width);
                int[] rows = stochasticRows(deterministic, fanIn, c0, c1);
                if (rows.length > 0) {
                    blocks.add(block(lambda, probabilities, dp, fanIn, c0, c1, rows));
                }
            }
        }
        return new StochasticPlaneSplit(layer, dp, blocks);
    }

    /** Input rows r (ascending) with a synapse (r, o), o in [c0, c1), not flagged deterministic. */
    private static int[] stochasticRows(boolean[] deterministic, int fanIn, int c0, int c1) {
        boolean[] stochastic = new boolean[fanIn];
        for (int o = c0; o < c1; o++) {
            int base = o * fanIn;
            for (int r = 0; r < fanIn; r++) {
                if (!deterministic[base + r]) {
                    stochastic[r] = true;
                }
            }
        }
        return indicesOf(stochastic, 0, 1, fanIn);
    }

    /** Convenience for square arrays of {@code arraySize} cells, one device per synapse. */
    public static StochasticPlaneSplit of(LayerSpec layer, float[] lambda, SynapseClassifier classifier,
                                          RowGranularity granularity, int arraySize) {
        return of(CrossbarTiling.of(layer, arraySize), lambda, classifier, granularity);
    }

    /** A layer outside the ensemble (before L* under LS): every synapse clamped to sign(λ), empty SP. */
    public static StochasticPlaneSplit allDeterministic(LayerSpec layer, float[] lambda) {
        checkLength(layer, lambda);
        return new StochasticPlaneSplit(layer, clampAll(lambda), List.of());
    }

    /** No sparsity: DP all zero, one SP block holding every row and column, each synapse with its own p. */
    public static StochasticPlaneSplit allStochastic(LayerSpec layer, float[] lambda) {
        checkLength(layer, lambda);
        int fanIn = layer.fanIn();
        int out = layer.outChannels();
        int[] rows = new int[fanIn];
        Arrays.setAll(rows, i -> i);
        float[] p = new float[lambda.length];
        float[] lam = new float[lambda.length];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < out; j++) {
                float l = lambda[j * fanIn + i];
                lam[i * out + j] = l;
                p[i * out + j] = (float) SynapseClassifier.probabilityPlusOne(l);
            }
        }
        return new StochasticPlaneSplit(layer, new float[lambda.length], List.of(new Block(0, out, rows, p, lam)));
    }

    /**
     * The split a deployment under {@code mode} uses for layer {@code index}: NONE → {@link #allStochastic};
     * LS → layers before {@code firstEnsemblingLayer} {@link #allDeterministic}, later ones {@link #allStochastic};
     * LS_RS → layers before it {@link #allDeterministic}, later ones row-sparse ({@link #of}).
     */
    public static StochasticPlaneSplit forMode(BbnnModel model, int index, SparsityMode mode, int firstEnsemblingLayer,
                                               SynapseClassifier classifier, RowGranularity granularity,
                                               CrossbarTiling tiling) {
        LayerSpec layer = model.architecture().layer(index);
        if (tiling.layer().index() != index) {
            throw new IllegalArgumentException("tiling is for layer " + tiling.layer().index() + ", not " + index);
        }
        float[] lambda = model.lambda(index);
        return switch (mode) {
            case NONE -> allStochastic(layer, lambda);
            case LS -> index < firstEnsemblingLayer ? allDeterministic(layer, lambda) : allStochastic(layer, lambda);
            case LS_RS -> index < firstEnsemblingLayer ? allDeterministic(layer, lambda)
                    : of(tiling, lambda, classifier, granularity);
        };
    }

    public LayerSpec layer() {
        return layer;
    }

    /** The DP tensor (PyTorch layout): sign(λ) outside the SP, 0 inside. Shared, not copied: do not modify. */
    public float[] deterministicWeights() {
        return deterministicWeights;
    }

    /** The SP blocks (empty when the whole layer is deterministic). Block arrays are shared: do not modify. */
    public List<Block> blocks() {
        return blocks;
    }

    public boolean isDeterministic() {
        return blocks.isEmpty();
    }

    /** Synapses sampled per member: the SP size. */
    public long stochasticSynapses() {
        long n = 0;
        for (Block b : blocks) {
            n += b.size();
        }
        return n;
    }

    /** The input rows touched by any SP block, ascending (x_sp gathers these). */
    public int[] stochasticRows() {
        boolean[] in = new boolean[layer.fanIn()];
        for (Block b : blocks) {
            for (int r : b.rows()) {
                in[r] = true;
            }
        }
        return indicesOf(in, 0, 1, in.length);
    }

    /** The mode sample of each SP block: sign(λ) (λ = 0 → +1), one array per block in {@link Block} layout. */
    public float[][] modeSample() {
        float[][] s = new float[blocks.size()][];
        for (int k = 0; k < s.length; k++) {
            float[] lam = blocks.get(k).lambdas();
            s[k] = new float[lam.length];
            for (int i = 0; i < lam.length; i++) {
                s[k][i] = SynapseClassifier.clamp(lam[i]);
            }
        }
        return s;
    }

    /** One software draw of the SP: w = +1 with probability p, else −1 (clamped entries never flip). */
    public float[][] sample(RandomGenerator rng) {
        float[][] s = new float[blocks.size()][];
        for (int k = 0; k < s.length; k++) {
            float[] p = blocks.get(k).probabilities();
            s[k] = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                s[k][i] = rng.nextDouble() < p[i] ? 1f : -1f;
            }
        }
        return s;
    }

    /** The full weight tensor (PyTorch layout) of one member: the DP plus the given SP sample scattered back. */
    public float[] rebuild(float[][] blockSamples) {
        if (blockSamples.length != blocks.size()) {
            throw new IllegalArgumentException("need " + blocks.size() + " SP block samples, got " + blockSamples.length);
        }
        float[] w = deterministicWeights.clone();
        int fanIn = layer.fanIn();
        for (int k = 0; k < blockSamples.length; k++) {
            Block b = blocks.get(k);
            float[] s = blockSamples[k];
            if (s.length != b.size()) {
                throw new IllegalArgumentException("SP block " + k + " sample has " + s.length + " values, expected " + b.size());
            }
            int width = b.width();
            for (int i = 0; i < b.rows().length; i++) {
                int r = b.rows()[i];
                for (int j = 0; j < width; j++) {
                    w[(b.columnStart() + j) * fanIn + r] = s[i * width + j];
                }
            }
        }
        return w;
    }

    private static Block block(float[] lambda, float[] probabilities, float[] dp, int fanIn, int c0, int c1, int[] rows) {
        int width = c1 - c0;
        float[] p = new float[rows.length * width];
        float[] lam = new float[p.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            for (int j = 0; j < width; j++) {
                int idx = (c0 + j) * fanIn + r;
                lam[i * width + j] = lambda[idx];
                p[i * width + j] = probabilities[idx];
                dp[idx] = 0f;
            }
        }
        return new Block(c0, c1, rows, p, lam);
    }

    private static float[] clampAll(float[] lambda) {
        float[] w = new float[lambda.length];
        for (int i = 0; i < w.length; i++) {
            if (Float.isNaN(lambda[i])) {
                throw new IllegalArgumentException("λ[" + i + "] is NaN");
            }
            w[i] = SynapseClassifier.clamp(lambda[i]);
        }
        return w;
    }

    /** Indices r in [0, n) with flags[r·stride + offset] set. */
    private static int[] indicesOf(boolean[] flags, int offset, int stride, int n) {
        int count = 0;
        for (int r = 0; r < n; r++) {
            count += flags[r * stride + offset] ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (flags[r * stride + offset]) {
                out[k++] = r;
            }
        }
        return out;
    }

    private static void checkLength(LayerSpec layer, float[] lambda) {
        if (lambda.length != layer.weightCount()) {
            throw new IllegalArgumentException(layer.name() + ": λ has " + lambda.length + " values, expected " + layer.weightCount());
        }
    }
}
