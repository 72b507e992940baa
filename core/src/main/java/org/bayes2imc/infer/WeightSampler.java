package org.bayes2imc.infer;

import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.random.CounterRandom;

import java.util.SplittableRandom;

/**
 * Draws the ±1 weights of a Bayesian binary layer (docs/MODEL.md §2.1): w = +1 with probability p = sigmoid(2λ), else −1;
 * and the mode network w = sign(λ) (ties → +1). Random streams are counter-based: the stream of a draw is keyed by
 * (seed, member, layer, chunk) through SplitMix64 mixing, so a draw never depends on thread count or evaluation order.
 */
public final class WeightSampler {
    private WeightSampler() {
    }

    /** p = P(w = +1) = sigmoid(2λ) per weight, computed in double and rounded to float. */
    public static float[] probabilities(float[] lambda) {
        float[] p = new float[lambda.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) BbnnModel.probabilityPlusOne(lambda[i]);
        }
        return p;
    }

    /** The mode network's weights: sign(λ), with λ = 0 → +1. */
    public static float[] mode(float[] lambda) {
        float[] w = new float[lambda.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = lambda[i] >= 0f ? 1f : -1f;
        }
        return w;
    }

    /** One draw of a layer's weights from its probabilities, on the stream keyed by (seed, member, layer, chunk). */
    public static float[] sample(float[] probabilityPlusOne, long seed, int member, int layer, long chunk) {
        float[] w = new float[probabilityPlusOne.length];
        sample(probabilityPlusOne, stream(seed, member, layer, chunk), w);
        return w;
    }

    /**
     * Fills {@code out} with w = +1 where u ≤ p, u uniform on the 24-bit grid {1, 2, …, 2^24}·2^−24 of (0, 1], else
     * −1; synapses with p exactly 0 or 1 take their value without consuming a uniform. So P(+1) = ⌊p·2^24⌋/2^24: p = 0 (and any p < 2^−24, a deterministic synapse) always gives −1, p = 1 always +1.
     */
    public static void sample(float[] probabilityPlusOne, SplittableRandom rng, float[] out) {
        for (int i = 0; i < out.length; i++) {
            float p = probabilityPlusOne[i];
            if (deterministic(p)) {
                out[i] = p >= 1f ? 1f : -1f;
            } else {
                // u ≤ p as the sign of p − u (exact: a float difference is 0 only for equal operands, and rounding
                // never flips its sign), without a branch on a coin flip the predictor loses; NaN p stays −1
                float d = p - uniform24(rng);
                out[i] = d != d ? -1f : Math.copySign(1f, d);
            }
        }
    }

    /**
     * A layer's probabilities prepared for many draws: the deterministic synapses' values once, and the indices of the
     * stochastic ones, so a draw copies the former and spends work only on the latter (fmnist-small's trained
     * posterior is 86 % deterministic). {@link #sample(Plan, SplittableRandom, float[])} gives exactly the values and
     * consumes exactly the uniforms of {@link #sample(float[], SplittableRandom, float[])}: the stochastic synapses
     * are visited in the same increasing index order.
     */
    public static final class Plan {
        private final float[] probabilityPlusOne;
        private final float[] deterministicValues;
        private final int[] stochastic;

        private Plan(float[] p) {
            probabilityPlusOne = p.clone();
            deterministicValues = new float[p.length];
            int[] idx = new int[p.length];
            int n = 0;
            for (int i = 0; i < p.length; i++) {
                if (deterministic(p[i])) {
                    deterministicValues[i] = p[i] >= 1f ? 1f : -1f;
                } else {
                    idx[n++] = i;
                }
            }
            stochastic = java.util.Arrays.copyOf(idx, n);
        }

        /** Synapses per draw. */
        public int size() {
            return probabilityPlusOne.length;
        }
    }

    /** The draw plan of a layer with these P(w = +1). */
    public static Plan plan(float[] probabilityPlusOne) {
        return new Plan(probabilityPlusOne);
    }

    /** One draw on the stream keyed by (seed, member, layer, chunk): the same values as {@link #sample(float[], long, int, int, long)}. */
    public static float[] sample(Plan plan, long seed, int member, int layer, long chunk) {
        float[] w = new float[plan.size()];
        sample(plan, stream(seed, member, layer, chunk), w);
        return w;
    }

    /** As {@link #sample(float[], SplittableRandom, float[])}, visiting only the plan's stochastic synapses. */
    public static void sample(Plan plan, SplittableRandom rng, float[] out) {
        System.arraycopy(plan.deterministicValues, 0, out, 0, plan.deterministicValues.length);
        float[] p = plan.probabilityPlusOne;
        for (int i : plan.stochastic) {
            float d = p[i] - uniform24(rng);
            out[i] = d != d ? -1f : Math.copySign(1f, d);
        }
    }

    /**
     * Half a step of the 24-bit grid of {@link #sample}: a realised probability this close to 0 or 1 is snapped to it
     * (so a layer of such synapses is computed exactly, once). This is the sampler's resolution, a different concept
     * from the ε rule of docs/MODEL.md §8 (sparsity.SynapseClassifier), which decides which synapses are stored
     * deterministically.
     */
    public static final float SNAP_DISTANCE = 0x1p-25f;

    /** p snapped to 0 or 1 when within {@link #SNAP_DISTANCE} of it. */
    public static float snap(float p) {
        if (p <= SNAP_DISTANCE) {
            return 0f;
        }
        return p >= 1f - SNAP_DISTANCE ? 1f : p;
    }

    /**
     * True when every uniform gives the same answer (p ≤ 0: always −1; p ≥ 1: always +1): such a synapse consumes no
     * random number, so only the stochastic synapses cost a draw.
     */
    public static boolean deterministic(float p) {
        return p <= 0f || p >= 1f;
    }

    /** The next uniform on the 24-bit grid {1, …, 2^24}·2^−24 of (0, 1]. */
    static float uniform24(SplittableRandom rng) {
        return ((rng.nextInt() >>> 8) + 1) * 0x1p-24f;
    }

    /** The random stream of one (seed, member, layer, chunk). */
    public static SplittableRandom stream(long seed, int member, int layer, long chunk) {
        return new SplittableRandom(CounterRandom.sampleStreamKey(seed, member, layer, chunk));
    }
}
