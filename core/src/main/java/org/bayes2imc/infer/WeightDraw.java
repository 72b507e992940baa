package org.bayes2imc.infer;

import org.bayes2imc.model.BbnnModel;

/**
 * Where an ensemble member's weights come from: the weights (PyTorch layout) of one member for one layer and one
 * chunk of images. Software draws Bernoulli(p) samples ({@link #sampled}); a hardware simulator supplies its sense
 * amplifiers' decisions instead. Must be a pure function of its arguments (it is called from worker threads in any
 * order) for results to be independent of the thread count.
 */
@FunctionalInterface
public interface WeightDraw {
    float[] weights(int member, int layer, long chunk);

    /** Software sampling from the model's posterior, keyed by (seed, member, layer, chunk). */
    static WeightDraw sampled(BbnnModel model, long seed) {
        int n = model.architecture().depth();
        WeightSampler.Plan[] p = new WeightSampler.Plan[n];
        for (int i = 0; i < n; i++) {
            p[i] = WeightSampler.plan(WeightSampler.probabilities(model.lambda(i)));
        }
        return (member, layer, chunk) -> WeightSampler.sample(p[layer], seed, member, layer, chunk);
    }

    /** The mode network w = sign(λ) for every member and chunk (computed once, shared). */
    static WeightDraw mode(BbnnModel model) {
        int n = model.architecture().depth();
        float[][] w = new float[n][];
        for (int i = 0; i < n; i++) {
            w[i] = WeightSampler.mode(model.lambda(i));
        }
        return (member, layer, chunk) -> w[layer];
    }
}
