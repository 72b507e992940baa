package org.bayes2imc.infer;

import java.util.SplittableRandom;

/**
 * The draw plan of a set of synapses with P(+1) = q: synapses with q exactly 0 or 1 are fixed (−1 / +1) and
 * consume no random number; the live ones, in order, take one 24-bit uniform each, exactly as
 * {@link WeightSampler#sample} does, so a member's weights are the same whichever plan or kernel draws them.
 * Drawing costs a copy of the fixed pattern plus one uniform per live synapse (docs/MODEL.md §8: sample only the stochastic
 * plane).
 */
public final class LiveSynapses {
    private final byte[] base;
    private final int[] live;
    private final float[] liveQ;

    private LiveSynapses(byte[] base, int[] live, float[] liveQ) {
        this.base = base;
        this.live = live;
        this.liveQ = liveQ;
    }

    /** @param q P(+1) per synapse, in draw order */
    public static LiveSynapses of(float[] q) {
        byte[] base = new byte[q.length];
        int n = 0;
        for (float v : q) {
            n += WeightSampler.deterministic(v) ? 0 : 1;
        }
        int[] live = new int[n];
        float[] liveQ = new float[n];
        int j = 0;
        for (int i = 0; i < q.length; i++) {
            if (WeightSampler.deterministic(q[i])) {
                base[i] = (byte) (q[i] >= 1f ? 1 : -1);
            } else {
                live[j] = i;
                liveQ[j++] = q[i];
                base[i] = -1;
            }
        }
        return new LiveSynapses(base, live, liveQ);
    }

    public int size() {
        return base.length;
    }

    /** Synapses that take a random number per draw. */
    public int liveCount() {
        return live.length;
    }

    /** One draw as ±1 bytes (the integer kernels' weights). */
    public byte[] draw(SplittableRandom rng) {
        byte[] w = base.clone();
        int[] idx = live;
        float[] q = liveQ;
        for (int i = 0; i < idx.length; i++) {
            w[idx[i]] = WeightSampler.uniform24(rng) <= q[i] ? (byte) 1 : (byte) -1;
        }
        return w;
    }

    /** The ±1 bytes as floats (the float kernels' weights). */
    public static float[] toFloat(byte[] w) {
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            f[i] = w[i];
        }
        return f;
    }

    /** ±1 floats as bytes. */
    public static byte[] toBytes(float[] w) {
        byte[] b = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            b[i] = (byte) w[i];
        }
        return b;
    }
}
