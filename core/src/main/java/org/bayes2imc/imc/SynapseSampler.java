package org.bayes2imc.imc;

import java.util.SplittableRandom;

/**
 * Draws ±1 samples of a subset of one layer's synapses for one ensemble member (or one shared read), from a random
 * stream keyed by (deployment and time, member, layer, chunk). Implementations: Bernoulli draws with the realised
 * probabilities (the fast default, {@link BernoulliSampler}), literal Gaussian reads against the reference
 * ({@link LiteralReadSampler}), and the SRAM baseline's LFSR + comparator ({@link LfsrSampler}).
 */
public interface SynapseSampler {
    /**
     * @param layer    layer index
     * @param synapses PyTorch-layout synapse indices to draw, or null for every synapse in order
     * @param q        realised P(+1) of those synapses, in the same order
     * @param rng      the stream of this (member, layer, chunk)
     * @param out      receives ±1 per synapse, in the same order
     */
    void draw(int layer, int[] synapses, float[] q, SplittableRandom rng, float[] out);
}
