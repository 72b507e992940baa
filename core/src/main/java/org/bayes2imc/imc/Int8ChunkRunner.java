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
 * while in cache, {@link Int8Layers#fused}; a member's run of conv layers after the first member layer goes through
 * oneDNN end to end with the post-linear steps as post-ops, {@link Int8ConvChain}), and a signed (float-input) first
 * conv layer goes straight to the next layer's codes from input planes prepared once per chunk, each distinct filter
 * of a channel over the members computed once ({@link FirstConvCodes#members}, in the float kernel's summation order;
 * other signed first layers run on the float kernels). Same plans,
 * same draws, same arithmetic as the float path, hence the same logits bit for bit (tested), at a third of the
 * multiply cost and without im2col.
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
     * Per layer, the oneDNN run of int8 conv layers that starts there and writes the codes of the layer after it
     * (post-linear steps as post-ops, {@link Int8ConvChain}), else null: those layers then run one by one in Java.
     */
    private final Int8ConvChain[] chains;

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
        // where the member loop's layers (after the first member layer) start a run of int8 conv layers into codes
        this.chains = new Int8ConvChain[arch.depth()];
        for (int l = core.firstMemberLayer() + 1; l < arch.depth(); l++) {
            int end = l;
            while (end + 1 < arch.depth() && integer[end] && integer[end + 1] && arch.layer(end).kind() == LayerKind.CONV) {
                end++;
            }
            if (end > l) {
                chains[l] = Int8ConvChain.of(java.util.Arrays.copyOfRange(posts, l, end)).orElse(null);
                l = end - 1;
            }
        }
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

    /**
     * A member's layers from {@code from} to the logits: a run of int8 conv layers on its oneDNN chain where there is
     * one and the input is codes, every other layer by {@link #forward}.
     */
    private Object forwardFrom(int from, Object input, int m, int member, long ch, byte[][] shared) {
        Object y = input;
        int l = from;
        while (l < arch.depth()) {
            Int8ConvChain chain = chains[l];
            if (chain != null && y instanceof byte[] codes) {
                byte[][] w = new byte[chain.length()][];
                for (int i = 0; i < w.length; i++) {
                    w[i] = weights(l + i, member, ch, shared);
                }
                y = chain.codes(w, codes, m);
                l += chain.length();
            } else {
                y = forward(l, weights(l, member, ch, shared), y, m);
                l++;
            }
        }
        return y;
    }

    void runChunk(float[] input, int from, int m, int ch, int members, float[][] out, PrefixCache cache) {
        int depth = arch.depth();
        int inSize = arch.inputSize();
        int classes = arch.classes();
        DeployedCore.LayerPlan[] plans = core.plans();
        int l0 = core.firstMemberLayer();
        byte[][] shared = new byte[depth][];
        float[] prefix = cache == null ? null : cache.get(ch);
        if (prefix == null) {
            Object x = java.util.Arrays.copyOfRange(input, from * inSize, (from + m) * inSize);
            for (int l = 0; l < l0; l++) {
                byte[] w = plans[l].kind() == DeployedCore.Kind.FIXED ? plans[l].fixedBytes()
                        : core.drawBytes(l, null, -1, ch);
                x = forward(l, w, x, m);
                if (l == l0 - 1 && x instanceof byte[] codes) {
                    x = realOf(l + 1, codes, m);
                }
            }
            prefix = (float[]) x;
            if (cache != null) {
                cache.put(ch, prefix);
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
        Object in0 = integer[l0] ? Int8Layers.codes(s0, qz, l0, prefix, m) : prefix;
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
                y = firstCodes.codes(member);
            } else if (dp != null) {
                int[] sp = planeSums(l0, p0.sp(), core.drawBytes(l0, p0.sp(), member, ch), (byte[]) in0, m);
                for (int i = 0; i < sp.length; i++) {
                    sp[i] += dp[i];
                }
                y = post(l0, sp, m);
            } else {
                y = forward(l0, weights(l0, member, ch, shared), in0, m);
            }
            y = forwardFrom(l0 + 1, y, m, member, ch, shared);
            System.arraycopy((float[]) y, 0, out[member], from * classes, m * classes);
        }
    }

    /** The real input of layer l from its codes (a cached prefix output is stored as the float path stores it). */
    private float[] realOf(int l, byte[] codes, int m) {
        LayerSpec s = arch.layer(l);
        float step = qz.step(l);
        float[] x = new float[codes.length];
        if (s.kind() == LayerKind.FC) {
            for (int i = 0; i < x.length; i++) {
                x[i] = step * (codes[i] & 0xFF);
            }
            return x;
        }
        int c = s.inChannels();
        int plane = s.inHeight() * s.inWidth();
        for (int b = 0; b < m; b++) {
            int base = b * c * plane;
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    x[base + ch * plane + p] = step * (codes[base + p * c + ch] & 0xFF);
                }
            }
        }
        return x;
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
