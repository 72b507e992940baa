package org.bayes2imc.imc;

import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.Int8ConvChain;
import org.bayes2imc.infer.Int8Layers;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.LiveSynapses;
import org.bayes2imc.infer.OneDnn;
import org.bayes2imc.infer.FirstConvCodes;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

/**
 * {@link DeployedCore}'s chunk evaluation on the exact integer kernels (oneDNN VNNI): every layer whose drivers see
 * unsigned k ≤ 8-bit codes runs as u8 codes × s8 sense-amplifier outputs → s32 sums, the post-linear steps turn the
 * sums straight into the next layer's codes (fused: conv layers run block by block, each block's sums post-processed
 * while in cache, {@link Int8Layers#fused}; a run of integer conv layers — the shared prefix's, or a member's from its
 * first layer on — goes through oneDNN end to end with the post-linear steps as post-ops, {@link Int8ConvChain}), and
 * a signed (float-input) first conv layer goes straight to the next layer's codes from input planes prepared once per
 * chunk, each distinct filter of a channel over the members computed once ({@link FirstConvCodes#members}, in the
 * float kernel's summation order; other signed first layers run on the float kernels). Same plans, same draws, same
 * arithmetic as the float path, hence the same logits bit for bit (tested), at a third of the multiply cost and
 * without im2col.
 */
final class Int8ChunkRunner {
    private final DeployedCore core;
    private final Architecture arch;
    private final BatchNormStats bn;
    private final UniformActivationQuantiser qz;
    private final boolean[] integer;
    /** Per layer, its post-linear step on integer sums (factors computed once per core). */
    private final Int8Layers.Post[] posts;
    /** Per layer, the all-members kernel of a float-input conv layer followed by an integer one, else null. */
    private final FirstConvCodes[] first;
    /**
     * Per layer from the first member layer on, the oneDNN run of int8 conv layers that starts there and writes the
     * codes of the layer after it (post-linear steps as post-ops, {@link Int8ConvChain}), else null: those layers then
     * run one by one in Java. Each start has its own run, so a member can enter at the first member layer or after it.
     */
    private final Int8ConvChain[] chains;
    /** The same for the shared prefix (layers before the first member layer), each run ending at or before it. */
    private final Int8ConvChain[] prefixChains;

    private Int8ChunkRunner(DeployedCore core, UniformActivationQuantiser qz, boolean[] integer) {
        this.core = core;
        this.arch = core.architecture();
        this.bn = core.batchNorm();
        this.qz = qz;
        this.integer = integer;
        this.posts = new Int8Layers.Post[arch.depth()];
        for (int l = 0; l < arch.depth(); l++) {
            boolean nextInteger = l + 1 < arch.depth() && integer[l + 1];
            posts[l] = new Int8Layers.Post(arch.layer(l), qz.step(l), bn.mean()[l], bn.var()[l],
                    nextInteger ? arch.layer(l + 1) : null, nextInteger ? high(l + 1) : 0f,
                    nextInteger ? inv(l + 1) : 0f);
        }
        this.first = new FirstConvCodes[arch.depth()];
        for (int l = 0; l + 1 < arch.depth(); l++) {
            if (!integer[l] && integer[l + 1]) {
                first[l] = FirstConvCodes.of(arch.layer(l), bn.mean()[l], bn.var()[l], arch.layer(l + 1), high(l + 1),
                        inv(l + 1)).orElse(null);
            }
        }
        int l0 = core.firstMemberLayer();
        this.chains = chains(l0, arch.depth());
        this.prefixChains = chains(0, l0);
    }

    /**
     * For every layer l in [from, limit), the oneDNN run of the int8 conv layers l, l+1, … (each feeding an integer
     * layer, none at or past limit) into the next layer's codes, else null. Layer 0 never starts one: its input is the
     * image, not codes.
     */
    private Int8ConvChain[] chains(int from, int limit) {
        Int8ConvChain[] runs = new Int8ConvChain[arch.depth()];
        for (int l = Math.max(1, from); l < limit; l++) {
            int end = l;
            while (end < limit && end + 1 < arch.depth() && integer[end] && integer[end + 1]
                    && arch.layer(end).kind() == LayerKind.CONV) {
                end++;
            }
            if (end > l) {
                runs[l] = Int8ConvChain.of(java.util.Arrays.copyOfRange(posts, l, end)).orElse(null);
            }
        }
        return runs;
    }

    /**
     * The runner for a core, or null when the integer kernels do not apply (no quantiser, more than 8 bits, a signed
     * range past the first layer, per-read conv semantics) or cannot run here (no VNNI / oneDNN).
     */
    static Int8ChunkRunner forCore(DeployedCore core, Object quantiser, CoreSamplingSemantics semantics) {
        if (!(quantiser instanceof UniformActivationQuantiser qz) || qz.bits() > 8
                || semantics == CoreSamplingSemantics.PER_READ) {
            return null;
        }
        Architecture a = core.architecture();
        boolean[] integer = new boolean[a.depth()];
        for (int l = 0; l < a.depth(); l++) {
            float step = qz.step(l);
            boolean powerOfTwo = step > 0f && Float.isFinite(step) && step == Math.scalb(1f, Math.getExponent(step));
            integer[l] = qz.low()[l] == 0f && powerOfTwo;
            if (!integer[l] && l > 0) {
                return null;
            }
        }
        if (!OneDnn.available()) {
            return null;
        }
        return new Int8ChunkRunner(core, qz, integer);
    }

    private float high(int l) {
        return qz.high()[l];
    }

    private float inv(int l) {
        return 1f / qz.step(l);
    }

    /** Sums of layer l on its codes with full-layout weights (conv rows left out carry weight 0). */
    private int[] sums(int l, byte[] w, byte[] codes, int m) {
        return Int8Layers.linear(arch.layer(l), w, codes, m);
    }

    /**
     * Layer l's post-linear output: the next layer's codes when it runs on integers, else real values (the float
     * path's input, or the logits after the last layer).
     */
    private Object post(int l, int[] sums, int m) {
        return posts[l].apply(sums, m);
    }

    /** Runs layer l on its input (codes or real values) with ±1 weights; returns its output in the next layer's form. */
    private Object forward(int l, byte[] w, Object input, int m) {
        LayerSpec s = arch.layer(l);
        if (integer[l]) {
            byte[] codes = input instanceof byte[] b ? b : Int8Layers.codes(s, qz, l, (float[]) input, m);
            return Int8Layers.fused(posts[l], w, codes, m);
        }
        float[] x = (float[]) input;
        float[] y = LayerForward.forward(s, LiveSynapses.toFloat(w), bn.mean()[l], bn.var()[l], qz.quantise(l, x, m), m);
        return l + 1 < arch.depth() && integer[l + 1] ? Int8Layers.codes(arch.layer(l + 1), qz, l + 1, y, m) : y;
    }

    /** A member's layers from {@code from} to the logits, on its weights of this chunk. */
    private Object forwardFrom(int from, Object input, int m, int member, long ch, byte[][] shared) {
        return through(chains, from, arch.depth(), input, m, l -> weights(l, member, ch, shared));
    }

    /**
     * Layers [from, to) on {@code input}: a run of int8 conv layers on its oneDNN chain ({@code runs[l]}) where one
     * starts and the input is codes, every other layer by {@link #forward}; {@code weightsOf} gives a layer's ±1 weights.
     */
    private Object through(Int8ConvChain[] runs, int from, int to, Object input, int m,
                           java.util.function.IntFunction<byte[]> weightsOf) {
        Object y = input;
        int l = from;
        while (l < to) {
            Int8ConvChain chain = runs[l];
            if (chain != null && y instanceof byte[] codes) {
                byte[][] w = new byte[chain.length()][];
                for (int i = 0; i < w.length; i++) {
                    w[i] = weightsOf.apply(l + i);
                }
                y = chain.codes(w, codes, m);
                l += chain.length();
            } else {
                y = forward(l, weightsOf.apply(l), y, m);
                l++;
            }
        }
        return y;
    }

    /** The shared prefix's weights of layer l for this chunk: fixed, or one read shared by every member. */
    private byte[] prefixWeights(int l, long ch) {
        DeployedCore.LayerPlan p = core.plans()[l];
        return p.kind() == DeployedCore.Kind.FIXED ? p.fixedBytes() : core.drawBytes(l, null, -1, ch);
    }

    void runChunk(float[] input, int from, int m, int ch, int members, float[][] out, PrefixCache cache) {
        int depth = arch.depth();
        int inSize = arch.inputSize();
        int classes = arch.classes();
        DeployedCore.LayerPlan[] plans = core.plans();
        int l0 = core.firstMemberLayer();
        byte[][] shared = new byte[depth][];
        // the shared prefix's output: layer l0's codes where it runs on integers (kept as codes across deployments),
        // else real values
        byte[] codes0 = cache != null && l0 < depth && integer[l0] ? cache.codes(ch) : null;
        float[] prefix = codes0 == null && cache != null ? cache.get(ch) : null;
        if (codes0 == null && prefix == null) {
            Object x = through(prefixChains, 0, l0, java.util.Arrays.copyOfRange(input, from * inSize, (from + m) * inSize),
                    m, l -> prefixWeights(l, ch));
            if (x instanceof byte[] codes) {
                codes0 = codes;
                if (cache != null) {
                    cache.putCodes(ch, codes);
                }
            } else {
                prefix = (float[]) x;
                if (cache != null) {
                    cache.put(ch, prefix);
                }
            }
        }
        if (l0 == depth) {
            for (int s = 0; s < members; s++) {
                System.arraycopy(prefix, 0, out[s], from * classes, m * classes);
            }
            return;
        }
        LayerSpec s0 = arch.layer(l0);
        DeployedCore.LayerPlan p0 = plans[l0];
        Object in0 = codes0 != null ? codes0 : integer[l0] ? Int8Layers.codes(s0, qz, l0, prefix, m) : prefix;
        // a float-input conv layer followed by integer ones: one pass per member from the input padded once
        float[][] shifted = first[l0] != null ? first[l0].shifted(qz.quantise(l0, prefix, m), m) : null;
        int[] dp = null;
        if (p0.kind() == DeployedCore.Kind.SPLIT && integer[l0]) {
            dp = planeSums(l0, p0.dp(), core.drawBytes(l0, p0.dp(), -1, ch), (byte[]) in0, m);
        }
        // its members' codes from each distinct filter of a channel once (the draws are keyed by member, not order)
        FirstConvCodes.Members firstCodes = null;
        if (shifted != null) {
            byte[][] w0 = new byte[members][];
            for (int member = 0; member < members; member++) {
                w0[member] = weights(l0, member, ch, shared);
            }
            firstCodes = first[l0].members(w0, shifted, m);
        }
        for (int member = 0; member < members; member++) {
            Object y;
            if (firstCodes != null) {
                y = forwardFrom(l0 + 1, firstCodes.codes(member), m, member, ch, shared);
            } else if (dp != null) {
                int[] sp = planeSums(l0, p0.sp(), core.drawBytes(l0, p0.sp(), member, ch), (byte[]) in0, m);
                for (int i = 0; i < sp.length; i++) {
                    sp[i] += dp[i];
                }
                y = forwardFrom(l0 + 1, post(l0, sp, m), m, member, ch, shared);
            } else {
                // the member's whole way from its first layer, on a oneDNN run where that layer starts one
                y = forwardFrom(l0, in0, m, member, ch, shared);
            }
            System.arraycopy((float[]) y, 0, out[member], from * classes, m * classes);
        }
    }

    /** A member's (or the shared read's) full ±1 weights of layer l for this chunk. */
    private byte[] weights(int l, int member, long ch, byte[][] shared) {
        DeployedCore.LayerPlan p = core.plans()[l];
        float[] q = core.realisedProbabilities(l);
        return switch (p.kind()) {
            case FIXED -> p.fixedBytes();
            case SHARED -> shared[l] == null ? (shared[l] = core.drawBytes(l, null, -1, ch)) : shared[l];
            case FULL -> core.drawBytes(l, null, member, ch);
            case SPLIT -> {
                if (shared[l] == null) {
                    shared[l] = core.drawBytes(l, p.dp(), -1, ch);
                }
                byte[] full = new byte[q.length];
                scatter(full, p.dp().idx(), shared[l]);
                scatter(full, p.sp().idx(), core.drawBytes(l, p.sp(), member, ch));
                yield full;
            }
        };
    }

    /** Sums over a plane's rows: FC gathers the rows' codes; conv runs the full layer with the other rows at 0. */
    private int[] planeSums(int l, DeployedCore.Plane plane, byte[] values, byte[] codes, int m) {
        LayerSpec s = arch.layer(l);
        if (s.kind() == LayerKind.FC) {
            return Int8Layers.linearRows(s, values, plane.rows(), codes, m);
        }
        byte[] full = new byte[core.realisedProbabilities(l).length];
        scatter(full, plane.idx(), values);
        return sums(l, full, codes, m);
    }

    private static void scatter(byte[] full, int[] idx, byte[] values) {
        for (int i = 0; i < idx.length; i++) {
            full[idx[i]] = values[i];
        }
    }
}
