package org.bayes2imc.imc;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;

import java.util.SplittableRandom;

/**
 * Models with known λ for the deployment tests and benchmarks: a chosen share of synapses is probabilistic
 * (λ ~ U(−1.5, 1.5), i.e. p in about [0.05, 0.95]) and the rest deterministic (|λ| = 8, p within 1e-7 of 0 or 1);
 * the BatchNorm running statistics are measured on real images through the mode network so activations are scaled
 * as in a trained network.
 */
public final class HandmadeModels {
    private HandmadeModels() {
    }

    /**
     * The structure the sparsity source reports (docs/MODEL.md §8): conv layers deterministic; in every FC layer a share
     * {@code rowShare} of the input rows holds the probabilistic synapses (half of each such row), the rest
     * deterministic.
     */
    public static BbnnModel rowStructured(Architecture a, double rowShare, long seed, Dataset bnImages) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] lam = new float[a.depth()][];
        for (int l = 0; l < a.depth(); l++) {
            var s = a.layer(l);
            int fanIn = s.fanIn();
            boolean[] stochasticRow = new boolean[fanIn];
            if (s.kind() == org.bayes2imc.model.LayerKind.FC) {
                for (int k = 0; k < fanIn; k++) {
                    stochasticRow[k] = rng.nextDouble() < rowShare;
                }
            }
            lam[l] = new float[Math.toIntExact(s.weightCount())];
            for (int i = 0; i < lam[l].length; i++) {
                lam[l][i] = stochasticRow[i % fanIn] && rng.nextBoolean() ? (float) (rng.nextDouble() * 3 - 1.5)
                        : (rng.nextBoolean() ? 8f : -8f);
            }
        }
        return withMeasuredBatchNorm(a, lam, bnImages);
    }

    public static BbnnModel of(Architecture a, double probabilisticShare, long seed, Dataset bnImages) {
        return withFixedFirstLayers(a, 0, probabilisticShare, seed, bnImages);
    }

    /**
     * As {@link #of}, with the first {@code fixedLayers} layers wholly deterministic, so that an ensemble's members
     * share them and start at layer {@code fixedLayers}.
     */
    public static BbnnModel withFixedFirstLayers(Architecture a, int fixedLayers, double probabilisticShare, long seed,
                                                 Dataset bnImages) {
        int depth = a.depth();
        float[][] lam = new float[depth][];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < depth; l++) {
            double share = l < fixedLayers ? 0.0 : probabilisticShare;
            int n = Math.toIntExact(a.layer(l).weightCount());
            lam[l] = new float[n];
            for (int i = 0; i < n; i++) {
                lam[l][i] = rng.nextDouble() < share ? (float) (rng.nextDouble() * 3 - 1.5)
                        : (rng.nextBoolean() ? 8f : -8f);
            }
        }
        return withMeasuredBatchNorm(a, lam, bnImages);
    }

    /** The model with these λ and BatchNorm statistics measured through the mode network on real images. */
    public static BbnnModel withMeasuredBatchNorm(Architecture a, float[][] lam, Dataset bnImages) {
        int depth = a.depth();
        float[][] mean = new float[depth][];
        float[][] var = new float[depth][];
        for (int l = 0; l < depth; l++) {
            mean[l] = new float[a.layer(l).outChannels()];
            var[l] = new float[a.layer(l).outChannels()];
            java.util.Arrays.fill(var[l], 1f);
        }
        BbnnModel m = new BbnnModel(a, lam, mean, var, null);
        int count = bnImages.size();
        float[] x = ModelInputs.normalised(m, bnImages);
        for (int l = 0; l < depth; l++) {
            var s = a.layer(l);
            float[] lin = LayerForward.linear(s, WeightSampler.mode(lam[l]), x, count);
            if (s.maxPool()) {
                // statistics after pooling, as BatchNorm sees them
                float[] ones = new float[s.outChannels()];
                float[] zeros = new float[s.outChannels()];
                java.util.Arrays.fill(ones, 1f);
                float[] pooled = LayerForward.postLinear(new org.bayes2imc.model.LayerSpec(s.index(), s.kind(),
                        s.inChannels(), s.outChannels(), s.kernel(), s.padding(), s.inHeight(), s.inWidth(), true,
                        false, 0.0, s.bnMomentum()), zeros, ones, lin, count);
                lin = pooled;
            }
            int out = s.outChannels();
            int plane = lin.length / (count * out);
            for (int c = 0; c < out; c++) {
                double sum = 0;
                double sq = 0;
                for (int b = 0; b < count; b++) {
                    for (int i = 0; i < plane; i++) {
                        double v = lin[(b * out + c) * plane + i];
                        sum += v;
                        sq += v * v;
                    }
                }
                double mu = sum / (count * plane);
                mean[l][c] = (float) mu;
                var[l][c] = (float) Math.max(1e-3, sq / (count * plane) - mu * mu);
            }
            x = LayerForward.forward(s, WeightSampler.mode(lam[l]), mean[l], var[l], x, count);
        }
        return new BbnnModel(a, lam, mean, var, null);
    }
}
