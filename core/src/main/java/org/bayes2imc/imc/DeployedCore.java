package org.bayes2imc.imc;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.sparsity.RowGranularity;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.sparsity.StochasticPlaneSplit;
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
 * LS+RS, where rows whose synapses are all clamped form the deterministic plane ({@link StochasticPlaneSplit} at whole-row
 * granularity; read once per chunk, since clamped PCM synapses are still read; its partial sums
 * computed once when the layer's input is shared) and the other rows the stochastic plane, sampled per member, the
 * two partial sums added per column before pool/BN; {@code FULL} otherwise. The leading run of FIXED/SHARED layers is
 * computed once per chunk and shared by every member.
 *
 * <p>Random streams are keyed by (stream seed, member, layer, chunk) — member −1 for shared reads — and chunks have a
 * fixed size, so logits are bit-identical at any thread count.
 */
public final class DeployedCore {

    enum Kind { FIXED, SHARED, SPLIT, FULL }

    /**
     * How one layer is computed (immutable): the exact weights of a FIXED layer; the draw plan of every synapse
     * otherwise; for a SPLIT layer its two planes.
     */
    record LayerPlan(Kind kind, float[] fixed, byte[] fixedBytes, LiveSynapses all, Plane dp, Plane sp) {
        static LayerPlan fixed(float[] q) {
            float[] w = new float[q.length];
            for (int i = 0; i < q.length; i++) {
                w[i] = q[i] == 1f ? 1f : -1f;
            }
            return new LayerPlan(Kind.FIXED, w, LiveSynapses.toBytes(w), null, null, null);
        }

        static LayerPlan sampled(Kind kind, float[] q) {
            return new LayerPlan(kind, null, null, LiveSynapses.of(q), null, null);
        }
    }

    /**
     * One plane of a SPLIT layer in the kernels' layout: its input rows, the synapse indices of the [out][rows]
     * sub-matrix (row-major, as LayerForward.linearRows expects its weights), their q and their draw plan.
     */
    record Plane(int[] rows, int[] idx, float[] q, LiveSynapses live) {
        static Plane of(int[] rows, float[] layerQ, int out, int fanIn) {
            int[] idx = new int[rows.length * out];
            for (int j = 0; j < out; j++) {
                for (int r = 0; r < rows.length; r++) {
                    idx[j * rows.length + r] = j * fanIn + rows[r];
                }
            }
            float[] q = new float[idx.length];
            for (int i = 0; i < idx.length; i++) {
                q[i] = layerQ[idx[i]];
            }
            return new Plane(rows, idx, q, LiveSynapses.of(q));
        }
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
    /** The engine this core's chunks run on (the engine group's thread count), bound per call, never global. */
    private final Parallel parallel;
    /** The integer-kernel path, or null when the float kernels run this core. */
    private final Int8ChunkRunner int8;

    /**
     * @param q                    realised P(+1) per layer and synapse (PyTorch layout); snapped by {@link WeightSampler#snap}
     * @param clamped              per layer and synapse: stored deterministically (defines the DP rows for LS+RS)
     * @param firstEnsemblingLayer L* (used by LS and LS+RS), resolved (not −1)
     * @param streamSeed           the seed of this deployment's and time's sample streams
     * @param forceSampling        draw every synapse (literal reads), never take the exact FIXED shortcut
     * @param sampling             sparsity mode and sampling semantics (S is chosen per {@code run})
     * @param engine               chunk size, deterministic-layer reuse (false = the naive baseline) and kernels
     *                             (bit-identical results either way)
     */
    public DeployedCore(BbnnModel model, float[][] q, boolean[][] clamped, SynapseSampler sampler,
                        ActivationQuantiser quantiser, int firstEnsemblingLayer, long streamSeed, boolean forceSampling,
                        SamplingConfig sampling, EngineConfig engine) {
        SparsityMode sparsity = sampling.sparsity();
        CoreSamplingSemantics semantics = sampling.semantics();
        int chunkImages = engine.chunkImages();
        boolean reuseDeterministic = engine.reuseDeterministic();
        KernelChoice kernel = engine.kernel();
        this.parallel = Parallel.of(engine.workerThreads());
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
            plans[l] = plan(arch.layer(l), model.lambda(l), q[l], clamped == null ? null : clamped[l], sparsity,
                    l < firstEnsemblingLayer, forceSampling);
            if (first == depth && (plans[l].kind() == Kind.SPLIT || plans[l].kind() == Kind.FULL)) {
                first = l;
            }
        }
        firstMemberLayer = reuseDeterministic ? first : 0;
        int8 = kernel == KernelChoice.FLOAT ? null : Int8ChunkRunner.forCore(this, quantiser, semantics);
        if (kernel == KernelChoice.INT8 && int8 == null) {
            throw new org.bayes2imc.io.InvalidSetting("kernel", "int8 needs k <= 8-bit activations, ReLU layer inputs, chunk "
                    + "or image sampling semantics and a VNNI CPU" + (org.bayes2imc.infer.OneDnn.available() ? ""
                    : " (" + org.bayes2imc.infer.OneDnn.unavailableReason() + ")"));
        }
    }

    /**
     * This core read through other sample streams: the same realised q, plans and kernels (immutable, shared, so no
     * realisation or planning is repeated), its own draws. For deployments whose devices read alike (noise-free
     * programming: the Monte-Carlo floor, docs/MODEL.md §7); identical to building the core anew from the same q.
     */
    public DeployedCore withStreamSeed(long seed) {
        return new DeployedCore(this, seed);
    }

    private DeployedCore(DeployedCore c, long streamSeed) {
        this.arch = c.arch;
        this.bn = c.bn;
        this.q = c.q;
        this.plans = c.plans;
        this.sampler = c.sampler;
        this.quantiser = c.quantiser;
        this.semantics = c.semantics;
        this.chunkImages = c.chunkImages;
        this.streamSeed = streamSeed;
        this.firstMemberLayer = c.firstMemberLayer;
        this.parallel = c.parallel;
        this.int8 = c.int8 == null ? null : Int8ChunkRunner.forCore(this, quantiser, semantics);
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
            q[i] = WeightSampler.snap(q[i]);
        }
    }

    /**
     * The layer's plan. Under LS+RS the deterministic and stochastic planes are those of the project's one split,
     * {@link StochasticPlaneSplit}, at whole-row granularity (the deployed core keeps whole rows): a row joins the
     * stochastic plane when any of its synapses is not stored deterministically ({@code clamped}; without flags,
     * when its realised q is not exactly 0 or 1).
     */
    private static LayerPlan plan(LayerSpec layer, float[] lambda, float[] q, boolean[] clamped, SparsityMode sparsity,
                                  boolean beforeFirstEnsembling, boolean forceSampling) {
        boolean exact = !forceSampling;
        for (int i = 0; exact && i < q.length; i++) {
            exact = WeightSampler.deterministic(q[i]);
        }
        if (exact) {
            return LayerPlan.fixed(q);
        }
        if (sparsity != SparsityMode.NONE && beforeFirstEnsembling) {
            return LayerPlan.sampled(Kind.SHARED, q);
        }
        if (sparsity != SparsityMode.LS_RS) {
            return LayerPlan.sampled(Kind.FULL, q);
        }
        boolean[] deterministic = clamped;
        if (deterministic == null) {
            deterministic = new boolean[q.length];
            for (int i = 0; i < q.length; i++) {
                deterministic[i] = WeightSampler.deterministic(q[i]);
            }
        }
        // whole rows: the column blocks of the tiling do not matter
        StochasticPlaneSplit split = StochasticPlaneSplit.of(CrossbarTiling.of(layer, CrossbarTiling.DEFAULT_ARRAY_SIZE),
                lambda, q, deterministic, RowGranularity.WHOLE_ROW);
        int[] sp = split.stochasticRows();
        int fanIn = layer.fanIn();
        if (sp.length == 0) {
            return LayerPlan.sampled(Kind.SHARED, q);
        }
        if (sp.length == fanIn) {
            return LayerPlan.sampled(Kind.FULL, q);
        }
        int[] dp = new int[fanIn - sp.length];
        for (int k = 0, d = 0, s = 0; k < fanIn; k++) {
            if (s < sp.length && sp[s] == k) {
                s++;
            } else {
                dp[d++] = k;
            }
        }
        int out = layer.outChannels();
        return new LayerPlan(Kind.SPLIT, null, null, LiveSynapses.of(q), Plane.of(dp, q, out, fanIn),
                Plane.of(sp, q, out, fanIn));
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
            out.add(p.kind().name().toLowerCase(java.util.Locale.ROOT));
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
        if (firstMemberLayer == 0 && plans.length > 0 && plans[0].kind() != Kind.SPLIT) {
            return 0;
        }
        for (int l = 0; l < firstMemberLayer; l++) {
            macs += arch.layer(l).macsPerImage();
        }
        if (firstMemberLayer < arch.depth() && plans[firstMemberLayer].kind() == Kind.SPLIT) {
            LayerSpec s = arch.layer(firstMemberLayer);
            macs += (long) plans[firstMemberLayer].dp().rows().length * s.outChannels() * s.positions();
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
            n += switch (p.kind()) {
                case FIXED, SHARED -> 0;
                case SPLIT -> p.sp().idx().length;
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
        return parallel.call(() -> logitsOnThisEngine(input, n, members, task, prefix));
    }

    private float[][] logitsOnThisEngine(float[] input, int n, int members, Progress.Task task, PrefixCache prefix) {
        if (members < 1) {
            throw new org.bayes2imc.io.InvalidSetting("samples", "must be >= 1, got " + members);
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

    private float[] draw(int layer, Plane plane, int member, long chunk) {
        return LiveSynapses.toFloat(drawBytes(layer, plane, member, chunk));
    }

    /**
     * One draw of a plane (null: the whole layer) as ±1 bytes. The Bernoulli sampler draws only the live
     * synapses (the same numbers as {@link WeightSampler#sample} on the same stream); other samplers draw all.
     */
    byte[] drawBytes(int layer, Plane plane, int member, long chunk) {
        SplittableRandom rng = WeightSampler.stream(streamSeed, member, layer, chunk);
        float[] qs = plane == null ? q[layer] : plane.q();
        if (sampler instanceof BernoulliSampler) {
            LiveSynapses live = plane != null ? plane.live() : plans[layer].all();
            return (live != null ? live : LiveSynapses.of(qs)).draw(rng);
        }
        float[] w = new float[qs.length];
        sampler.draw(layer, plane == null ? null : plane.idx(), qs, rng, w);
        return LiveSynapses.toBytes(w);
    }

    /** The exactly ±1 weights of the layers before the first sampled layer, or null if any of them is drawn. */
    private float[][] fixedPrefix() {
        float[][] w = new float[firstMemberLayer][];
        for (int l = 0; l < firstMemberLayer; l++) {
            if (plans[l].kind() != Kind.FIXED) {
                return null;
            }
            w[l] = plans[l].fixed();
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
                float[] w = plans[l].kind() == Kind.FIXED ? plans[l].fixed() : draw(l, null, -1, ch);
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
        float[] dp = p0.kind() == Kind.SPLIT && !perRead0
                ? LayerForward.linearRows(s0, draw(l0, p0.dp(), -1, ch), p0.dp().rows(), xq, m) : null;
        for (int member = 0; member < members; member++) {
            float[] lin;
            if (perRead0 && (p0.kind() == Kind.SPLIT || p0.kind() == Kind.FULL)) {
                lin = perReadLinear(l0, xq, m, member, from);
            } else if (dp != null) {
                lin = LayerForward.linearRows(s0, draw(l0, p0.sp(), member, ch), p0.sp().rows(), xq, m);
                for (int i = 0; i < lin.length; i++) {
                    lin[i] += dp[i];
                }
            } else if (p0.kind() == Kind.FIXED) {
                lin = LayerForward.linear(s0, p0.fixed(), xq, m);
            } else if (p0.kind() == Kind.SHARED) {
                if (shared[l0] == null) {
                    shared[l0] = draw(l0, null, -1, ch);
                }
                lin = LayerForward.linear(s0, shared[l0], xq, m);
            } else {
                lin = LayerForward.linear(s0, draw(l0, null, member, ch), xq, m);
            }
            float[] y = LayerForward.postLinear(s0, bn.mean()[l0], bn.var()[l0], lin, m);
            for (int l = l0 + 1; l < depth; l++) {
                LayerSpec s = arch.layer(l);
                float[] yq = quantise(l, y, m);
                LayerPlan p = plans[l];
                if (semantics == CoreSamplingSemantics.PER_READ && s.kind() == LayerKind.CONV
                        && (p.kind() == Kind.SPLIT || p.kind() == Kind.FULL)) {
                    y = LayerForward.postLinear(s, bn.mean()[l], bn.var()[l], perReadLinear(l, yq, m, member, from), m);
                    continue;
                }
                float[] w = switch (p.kind()) {
                    case FIXED -> p.fixed();
                    case SHARED -> shared[l] == null ? (shared[l] = draw(l, null, -1, ch)) : shared[l];
                    case FULL -> draw(l, null, member, ch);
                    case SPLIT -> {
                        if (sharedDp[l] == null) {
                            sharedDp[l] = draw(l, p.dp(), -1, ch);
                        }
                        float[] full = new float[q[l].length];
                        scatter(full, p.dp().idx(), sharedDp[l]);
                        scatter(full, p.sp().idx(), draw(l, p.sp(), member, ch));
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
                float[] w = draw(l, null, member, (long) (from + b) * positions + pos);
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
