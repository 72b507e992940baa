package org.bayes2imc.imc;

import org.bayes2imc.infer.WeightSampler;

import java.util.SplittableRandom;

/**
 * Samples each synapse as Bernoulli(q) with q the realised probability that its read exceeds the reference. For
 * Gaussian read noise drawn independently at every read, the sense amplifier's decision is exactly such a draw, so
 * this equals simulating the reads while costing one uniform per synapse (the infer engine's sampler).
 */
public final class BernoulliSampler implements SynapseSampler {
    public static final BernoulliSampler INSTANCE = new BernoulliSampler();

    @Override
    public void draw(int layer, int[] synapses, float[] q, SplittableRandom rng, float[] out) {
        WeightSampler.sample(q, rng, out);
    }
}
