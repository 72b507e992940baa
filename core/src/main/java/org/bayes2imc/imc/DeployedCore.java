package org.bayes2imc.imc;

import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.infer.ActivationQuantiser;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.LiveSynapses;
import org.bayes2imc.infer.Parallel;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One deployment of a BBNN at one evaluation time, ready to infer (docs/MODEL.md §5, §8): per layer the realised probability
 * q that each synapse's sense-amplifier decision is +1, a sampler that draws the decisions, k-bit input
 * quantisation and digital accumulation (the infer engine's kernels), then pool/BatchNorm/ReLU.
 *
 * <p>Cost is (deterministic work) + S × (stochastic work): each layer gets a plan — {@code FIXED} when every q is
 * exactly 0 or 1 (identical weights for every member: computed once per chunk); {@code SHARED} for layers before the
 * first ensembling layer under layer sparsity (read once per chunk, independent of the member); {@code SPLIT} under
 * LS+RS, where rows whose synapses are all clamped form the deterministic plane (read once per chunk; its partial sums
 * computed once when the layer's input is shared) and the other rows the stochastic plane, sampled per member, the
 * two partial sums added per column before pool/BN; {@code FULL} otherwise. The leading run of FIXED/SHARED layers is
 * computed once per chunk and shared by every member.
 *
 * <p>Random streams are keyed by (stream seed, member, layer, chunk) — member −1 for shared reads — and chunks have a
 * fixed size, so logits are bit-identical at any thread count.
 */
public final class DeployedCore {
    /** Realised probabilities within this of 0 or 1 are snapped to it: below the 24-bit sampler's resolution. */
    public static final float SNAP = 0x1p-25f;

    enum Kind { FIXED, SHARED, SPLIT, FULL }

    static final class LayerPlan {
        Kind kind;
        float[] fixed;
        int[] dpRows;
        int[] spRows;
        int[] dpIdx;
        int[] spIdx;
        float[] qDp;
        float[] qSp;
        /** Draw plans (Bernoulli sampler): every synapse, the DP rows, the SP rows. */
        LiveSynapses all;
        LiveSynapses dpLive;
        LiveSynapses spLive;
        byte[] fixedBytes;
    }

    private final Architecture arch;
    private final BatchNormStats bn;
    private final float[][] q;
    private final LayerPlan[] plans;
    private final SynapseSampler sampler;
    private final ActivationQuantiser quantiser;
    private final CoreSamplingSemantics semantics;
    private final int chunkImages;
    private final long streamSeed;
    private final int firstMemberLayer;
    /** The integer-kernel path, or null when the float kernels run this core. */
    private final Int8ChunkRunner int8;

    /**
     * @param q                    realised P(+1) per layer and synapse (PyTorch layout); snapped at {@link #SNAP}
     * @param clamped              per layer and synapse: stored deterministically (defines the DP rows for LS+RS)
     * @param forceSampling        draw every synapse (literal reads), never take the exact FIXED shortcut
     * @param firstEnsemblingLayer L* (used by LS and LS+RS)
     * @param streamSeed           the seed of this deployment's and time's sample streams
     */
    public DeployedCore(BbnnModel model, float[][] q, boolean[][] clamped, SynapseSampler sampler,
                        ActivationQuantiser quantiser, SparsityMode sparsity, int firstEnsemblingLayer,
                        CoreSamplingSemantics semantics, int chunkImages, long streamSeed, boolean forceSampling) {
        this(model, q, clamped, sampler, quantiser, sparsity, firstEnsemblingLayer, semantics, chunkImages, streamSeed,
                forceSampling, true);
    }

    /** As above; {@code reuseDeterministic = false} recomputes every layer per member (the naive baseline). */
    public DeployedCore(BbnnModel model, float[][] q, boolean[][] clamped, SynapseSampler sampler,
                        ActivationQuantiser quantiser, SparsityMode sparsity, int firstEnsemblingLayer,
                        CoreSamplingSemantics semantics, int chunkImages, long streamSeed, boolean forceSampling,
                        boolean reuseDeterministic) {
        this(model, q, clamped, sampler, quantiser, sparsity, firstEnsemblingLayer, semantics, chunkImages, streamSeed,
                forceSampling, reuseDeterministic, KernelChoice.AUTO);
    }

    /** As above, with the choice of kernels (bit-identical results either way). */
    public DeployedCore(BbnnModel model, float[][] q, boolean[][] clamped, SynapseSampler sampler,
                        ActivationQuantiser quantiser, SparsityMode sparsity, int firstEnsemblingLayer,
                        CoreSamplingSemantics semantics, int chunkImages, long streamSeed, boolean forceSampling,
                        boolean reuseDeterministic, KernelChoice kernel) {
        this.arch = model.architecture();
        this.bn = BatchNormStats.of(model);
        this.q = q;
        this.sampler = sampler;
        this.quantiser = quantiser;
        this.semantics = semantics;
        this.chunkImages = semantics == CoreSamplingSemantics.PER_IMAGE ? 1 : chunkImages;
        this.streamSeed = streamSeed;
        int depth = arch.depth();
        plans = new LayerPlan[depth];
        int first = depth;
        for (int l = 0; l < depth; l++) {
            snap(q[l]);
            plans[l] = plan(arch.layer(l), q[l], clamped == null ? null : clamped[l], sparsity,
                    l < firstEnsemblingLayer, forceSampling);
            if (first == depth && (plans[l].kind == Kind.SPLIT || plans[l].kind == Kind.FULL)) {
                first = l;
            }
        }
        firstMemberLayer = reuseDeterministic ? first : 0;
        int8 = kernel == KernelChoice.FLOAT ? null : Int8ChunkRunner.forCore(this, quantiser, semantics);
        if (kernel == KernelChoice.INT8 && int8 == null) {
            throw new IllegalArgumentException("--kernel int8 needs k <= 8-bit activations, ReLU layer inputs, chunk "
                    + "or image sampling semantics and a VNNI CPU" + (org.bayes2imc.infer.OneDnn.available() ? ""
                    : " (" + org.bayes2imc.infer.OneDnn.unavailableReason() + ")"));
        }
    }

    /** The kernels this core runs on: "int8" (exact integer oneDNN kernels) or "float" (OpenBLAS SGEMM). */
    public String kernel() {
        return int8 != null ? "int8" : "float";
    }

    BatchNormStats batchNorm() {
        return bn;
    }

    LayerPlan[] plans() {
        return plans;
    }

    private static void snap(float[] q) {
        for (int i = 0; i < q.length; i++) {
            if (q[i] <= SNAP) {
                q[i] = 0f;
            } else if (q[i] >= 1f - SNAP) {
                q[i] = 1f;
            }
        }
    }

    private static LayerPlan plan(LayerSpec layer, float[] q, boolean[] clamped, SparsityMode sparsity,
                                  boolean beforeFirstEnsembling, boolean forceSampling) {
        LayerPlan p = new LayerPlan();
        boolean exact = !forceSampling;
        for (int i = 0; exact && i < q.length; i++) {
            exact = q[i] == 0f || q[i] == 1f;
        }
        if (exact) {
            p.kind = Kind.FIXED;
            p.fixed = new float[q.length];
            for (int i = 0; i < q.length; i++) {
                p.fixed[i] = q[i] == 1f ? 1f : -1f;
            }
            p.fixedBytes = LiveSynapses.toBytes(p.fixed);
            return p;
        }
        p.all = LiveSynapses.of(q);
        if (sparsity != SparsityMode.NONE && beforeFirstEnsembling) {
            p.kind = Kind.SHARED;
            return p;
        }
        if (sparsity != SparsityMode.LS_RS) {
            p.kind = Kind.FULL;
            return p;
        }
        int fanIn = layer.fanIn();
        int out = layer.outChannels();
        boolean[] stochasticRow = new boolean[fanIn];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < fanIn; k++) {
                int i = j * fanIn + k;
                if (clamped == null ? !(q[i] == 0f || q[i] == 1f) : !clamped[i]) {
                    stochasticRow[k] = true;
                }
            }
        }
        List<Integer> dp = new ArrayList<>();
        List<Integer> sp = new ArrayList<>();
        for (int k = 0; k < fanIn; k++) {
            (stochasticRow[k] ? sp : dp).add(k);
        }
        if (sp.isEmpty()) {
            p.kind = Kind.SHARED;
            return p;
        }
        if (dp.isEmpty()) {
            p.kind = Kind.FULL;
            return p;
        }
        p.kind = Kind.SPLIT;
        p.dpRows = dp.stream().mapToInt(Integer::intValue).toArray();
        p.spRows = sp.stream().mapToInt(Integer::intValue).toArray();
        p.dpIdx = gather(p.dpRows, out, fanIn);
        p.spIdx = gather(p.spRows, out, fanIn);
        p.qDp = values(q, p.dpIdx);
        p.qSp = values(q, p.spIdx);
        p.dpLive = LiveSynapses.of(p.qDp);
        p.spLive = LiveSynapses.of(p.qSp);
        return p;
    }

    /** Synapse indices of the [out][rows] sub-matrix, row-major, as LayerForward.linearRows expects its weights. */
    private static int[] gather(int[] rows, int out, int fanIn) {
        int[] idx = new int[rows.length * out];
        for (int j = 0; j < out; j++) {
            for (int r = 0; r < rows.length; r++) {
                idx[j * rows.length + r] = j * fanIn + rows[r];
            }
        }
        return idx;
    }

    private static float[] values(float[] q, int[] idx) {
        float[] v = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            v[i] = q[idx[i]];
        }
        return v;
    }

    public Architecture architecture() {
        return arch;
    }

    /** Realised P(+1) of layer l's synapses (snapped; shared, do not modify). */
    public float[] realisedProbabilities(int layer) {
        return q[layer];
    }

    /** The plan of each layer: fixed, shared, split or full. */
    public List<String> layerPlans() {
        List<String> out = new ArrayList<>();
        for (LayerPlan p : plans) {
            out.add(p.kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** First layer whose weights differ between members (the depth when none does). */
    public int firstMemberLayer() {
        return firstMemberLayer;
    }

    /** Multiply-accumulates per image done once (shared by all members). */
    public long sharedMacsPerImage() {
        long macs = 0;
        if (firstMemberLayer == 0 && plans.length > 0 && plans[0].kind != Kind.SPLIT) {
            return 0;
        }
        for (int l = 0; l < firstMemberLayer; l++) {
            macs += arch.layer(l).macsPerImage();
        }
        if (firstMemberLayer < arch.depth() && plans[firstMemberLayer].kind == Kind.SPLIT) {
            LayerSpec s = arch.layer(firstMemberLayer);
            macs += (long) plans[firstMemberLayer].dpRows.length * s.outChannels() * s.positions();
        }
        return macs;
    }

    /** Multiply-accumulates per image and member. */
    public long memberMacsPerImage() {
        return arch.macsPerImage() - sharedMacsPerImage();
    }

    /** Synapses sampled per member and chunk (the sampling work of one member). */
    public long sampledSynapsesPerMember() {
        long n = 0;
        for (int l = firstMemberLayer; l < arch.depth(); l++) {
            LayerPlan p = plans[l];
            n += switch (p.kind) {
                case FIXED, SHARED -> 0;
                case SPLIT -> p.spIdx.length;
                case FULL -> q[l].length;
            };
        }
        return n;
    }

    /**
     * Member logits [members][n·C] of already normalised input [n × C·H·W].
     */
    public float[][] logits(float[] input, int n, int members, Progress.Task task) {
        return logits(input, n, members, task, null);
    }

    /**
     * As {@link #logits(float[], int, int, Progress.Task)}, reusing the deterministic prefix (the layers before the
     * first sampled layer, all exactly ±1) stored in {@code prefix} when it was computed by a core with the same
     * prefix weights on the same input; otherwise computing it and storing it there. Deployments and times of one
     * model share those layers exactly (deterministic synapses sit at SET/RESET), so a sweep computes them once.
     */
    public float[][] logits(float[] input, int n, int members, Progress.Task task, PrefixCache prefix) {
        if (members < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + members);
        }
        int classes = arch.classes();
        float[][] out = new float[members][n * classes];
        int chunks = (n + chunkImages - 1) / chunkImages;
        PrefixCache cache = prefix != null && prefix.accepts(fixedPrefix(), chunkImages, n) ? prefix : null;
        Parallel.forEach(chunks, ch -> {
            int from = ch * chunkImages;
            int m = Math.min(chunkImages, n - from);
            if (int8 != null) {
                int8.runChunk(input, from, m, ch, members, out, cache);
            } else {
                runChunk(input, from, m, ch, members, out, cache);
            }
            if (task != null) {
                synchronized (task) {
                    task.step(m);
                }
            }
        });
        return out;
    }

    private float[] quantise(int layer, float[] x, int m) {
        return quantiser == null ? x : quantiser.quantise(layer, x, m);
    }

    private float[] draw(int layer, int[] idx, float[] qs, int member, long chunk) {
        return LiveSynapses.toFloat(drawBytes(layer, idx, qs, member, chunk));
    }

    /**
     * One draw of a plane (idx null: the whole layer) as ±1 bytes. The Bernoulli sampler draws only the live
     * synapses (the same numbers as {@link WeightSampler#sample} on the same stream); other samplers draw all.
     */
    byte[] drawBytes(int layer, int[] idx, float[] qs, int member, long chunk) {
        SplittableRandom rng = WeightSampler.stream(streamSeed, member, layer, chunk);
        if (sampler instanceof BernoulliSampler) {
            LayerPlan p = plans[layer];
            LiveSynapses live = idx == null ? p.all : idx == p.dpIdx ? p.dpLive : idx == p.spIdx ? p.spLive : null;
            if (live == null) {
                live = LiveSynapses.of(qs);
            }
            return live.draw(rng);
        }
        float[] w = new float[qs.length];
        sampler.draw(layer, idx, qs, rng, w);
        return LiveSynapses.toBytes(w);
    }

    /** The exactly ±1 weights of the layers before the first sampled layer, or null if any of them is drawn. */
    private float[][] fixedPrefix() {
        float[][] w = new float[firstMemberLayer][];
        for (int l = 0; l < firstMemberLayer; l++) {
            if (plans[l].kind != Kind.FIXED) {
                return null;
            }
            w[l] = plans[l].fixed;
        }
        return w;
    }

    private void runChunk(float[] input, int from, int m, int ch, int members, float[][] out, PrefixCache cache) {
        int depth = arch.depth();
        int inSize = arch.inputSize();
        int classes = arch.classes();
        float[][] shared = new float[depth][];
        float[][] sharedDp = new float[depth][];
        int l0 = firstMemberLayer;
        float[] x = cache == null ? null : cache.get(ch);
        if (x == null) {
            x = java.util.Arrays.copyOfRange(input, from * inSize, (from + m) * inSize);
            for (int l = 0; l < l0; l++) {
                LayerSpec s = arch.layer(l);
                float[] w = plans[l].kind == Kind.FIXED ? plans[l].fixed : draw(l, null, q[l], -1, ch);
                x = LayerForward.forward(s, w, bn.mean()[l], bn.var()[l], quantise(l, x, m), m);
            }
            if (cache != null) {
                cache.put(ch, x);
            }
        }
        if (l0 == depth) {
            for (int s = 0; s < members; s++) {
                System.arraycopy(x, 0, out[s], from * classes, m * classes);
            }
            return;
        }
        LayerSpec s0 = arch.layer(l0);
        LayerPlan p0 = plans[l0];
        float[] xq = quantise(l0, x, m);
        boolean perRead0 = semantics == CoreSamplingSemantics.PER_READ && s0.kind() == LayerKind.CONV;
        float[] dp = p0.kind == Kind.SPLIT && !perRead0
                ? LayerForward.linearRows(s0, draw(l0, p0.dpIdx, p0.qDp, -1, ch), p0.dpRows, xq, m) : null;
        for (int member = 0; member < members; member++) {
            float[] lin;
            if (perRead0 && (p0.kind == Kind.SPLIT || p0.kind == Kind.FULL)) {
                lin = perReadLinear(l0, xq, m, member, from);
            } else if (dp != null) {
                lin = LayerForward.linearRows(s0, draw(l0, p0.spIdx, p0.qSp, member, ch), p0.spRows, xq, m);
                for (int i = 0; i < lin.length; i++) {
                    lin[i] += dp[i];
                }
            } else if (p0.kind == Kind.FIXED) {
                lin = LayerForward.linear(s0, p0.fixed, xq, m);
            } else if (p0.kind == Kind.SHARED) {
                if (shared[l0] == null) {
                    shared[l0] = draw(l0, null, q[l0], -1, ch);
                }
                lin = LayerForward.linear(s0, shared[l0], xq, m);
            } else {
                lin = LayerForward.linear(s0, draw(l0, null, q[l0], member, ch), xq, m);
            }
            float[] y = LayerForward.postLinear(s0, bn.mean()[l0], bn.var()[l0], lin, m);
            for (int l = l0 + 1; l < depth; l++) {
                LayerSpec s = arch.layer(l);
                float[] yq = quantise(l, y, m);
                LayerPlan p = plans[l];
                if (semantics == CoreSamplingSemantics.PER_READ && s.kind() == LayerKind.CONV
                        && (p.kind == Kind.SPLIT || p.kind == Kind.FULL)) {
                    y = LayerForward.postLinear(s, bn.mean()[l], bn.var()[l], perReadLinear(l, yq, m, member, from), m);
                    continue;
                }
                float[] w = switch (p.kind) {
                    case FIXED -> p.fixed;
                    case SHARED -> shared[l] == null ? (shared[l] = draw(l, null, q[l], -1, ch)) : shared[l];
                    case FULL -> draw(l, null, q[l], member, ch);
                    case SPLIT -> {
                        if (sharedDp[l] == null) {
                            sharedDp[l] = draw(l, p.dpIdx, p.qDp, -1, ch);
                        }
                        float[] full = new float[q[l].length];
                        scatter(full, p.dpIdx, sharedDp[l]);
                        scatter(full, p.spIdx, draw(l, p.spIdx, p.qSp, member, ch));
                        yield full;
                    }
                };
                y = LayerForward.forward(s, w, bn.mean()[l], bn.var()[l], yq, m);
            }
            System.arraycopy(y, 0, out[member], from * classes, m * classes);
        }
    }

    private static void scatter(float[] full, int[] idx, float[] values) {
        for (int i = 0; i < idx.length; i++) {
            full[idx[i]] = values[i];
        }
    }

    /**
     * A conv layer's linear output with a fresh draw of every synapse for every output position (per-read
     * semantics): [m][out][H][W]. Streams keyed by (member, layer, image·positions + position).
     */
    private float[] perReadLinear(int l, float[] xq, int m, int member, int from) {
        LayerSpec s = arch.layer(l);
        int fanIn = s.fanIn();
        int outC = s.outChannels();
        int positions = s.positions();
        int inSize = s.inputSize();
        float[] lin = new float[m * outC * positions];
        float[] cols = new float[fanIn * positions];
        for (int b = 0; b < m; b++) {
            LayerForward.im2col(s, xq, b * inSize, cols);
            for (int pos = 0; pos < positions; pos++) {
                float[] w = draw(l, null, q[l], member, (long) (from + b) * positions + pos);
                for (int j = 0; j < outC; j++) {
                    float acc = 0f;
                    int base = j * fanIn;
                    for (int r = 0; r < fanIn; r++) {
                        acc += w[base + r] * cols[r * positions + pos];
                    }
                    lin[(b * outC + j) * positions + pos] = acc;
                }
            }
        }
        return lin;
    }
}
