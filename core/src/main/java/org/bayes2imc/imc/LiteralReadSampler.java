package org.bayes2imc.imc;

import org.bayes2imc.model.CrossbarTiling;

import java.util.SplittableRandom;

/**
 * Simulates every sense-amplifier decision literally (docs/MODEL.md §5): one Gaussian read of the synapse's device(s) at the
 * evaluation time (drifted mean, time-dependent σ_r, clamped at 0), compared with the reference (a fixed or rescaled
 * level, or a read of the reference cell) or, for a differential pair, with the read of the other device. Equal in
 * distribution to {@link BernoulliSampler} with the realised probabilities; slow, for small cases and tests.
 */
public final class LiteralReadSampler implements SynapseSampler {
    private final float[][] driftedMean;
    private final float[][] readSigma;
    private final SenseReference[] references;
    private final CrossbarTiling[] tilings;
    private final int devices;

    /**
     * @param driftedMean per layer, [synapse × devices] mean conductance at the evaluation time, µS
     * @param readSigma   per layer, the same devices' read σ at that time, µS
     * @param references  per layer, the sense reference at that time (ignored for pairs)
     */
    public LiteralReadSampler(float[][] driftedMean, float[][] readSigma, SenseReference[] references,
                              CrossbarTiling[] tilings, int devices) {
        this.driftedMean = driftedMean;
        this.readSigma = readSigma;
        this.references = references;
        this.tilings = tilings;
        this.devices = devices;
    }

    @Override
    public void draw(int layer, int[] synapses, float[] q, SplittableRandom rng, float[] out) {
        float[] g = driftedMean[layer];
        float[] s = readSigma[layer];
        SenseReference ref = references[layer];
        for (int i = 0; i < out.length; i++) {
            int syn = synapses == null ? i : synapses[i];
            int dev = syn * devices;
            double read = Math.max(0.0, g[dev] + s[dev] * rng.nextGaussian());
            double against;
            if (devices == 2) {
                against = Math.max(0.0, g[dev + 1] + s[dev + 1] * rng.nextGaussian());
            } else {
                int c = ref.perColumn() ? Deployment.column(tilings[layer], syn) : 0;
                double sc = ref.sigma(c);
                against = sc > 0 ? Math.max(0.0, ref.mean(c) + sc * rng.nextGaussian()) : ref.mean(c);
            }
            out[i] = read > against ? 1f : -1f;
        }
    }
}
