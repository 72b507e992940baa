package org.bayes2imc.bench;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;
import org.bayes2imc.model.ModelFile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Benchmark models with hand-set λ when no trained model is at hand: per layer a chosen share of synapses is
 * probabilistic (λ ~ U(−1.5, 1.5)), the rest deterministic (|λ| = 8); BatchNorm running statistics are measured on
 * real Fashion-MNIST images through the mode network so activations have trained-network scale. The default shares
 * put ≈ 10 % of fmnist-small's synapses in the probabilistic class, concentrated in the FC layers (as in trained
 * BBNNs, docs/MODEL.md §8). Run: {@code java -cp core/target/classes:core/target/test-classes:... org.bayes2imc.bench.BenchModels OUT.safetensors}.
 */
public final class BenchModels {
    /** Probabilistic share per fmnist-small layer: 4 conv layers, 2 FC layers. */
    public static final double[] FMNIST_SMALL_SHARES = {0.01, 0.01, 0.02, 0.02, 0.11, 0.3};

    private BenchModels() {
    }

    public static BbnnModel of(Architecture a, double[] shares, long seed, Dataset bnImages) {
        if (shares.length != a.depth()) {
            throw new IllegalArgumentException(shares.length + " shares for " + a.depth() + " layers");
        }
        int depth = a.depth();
        float[][] lam = new float[depth][];
        float[][] mean = new float[depth][];
        float[][] var = new float[depth][];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < depth; l++) {
            int n = Math.toIntExact(a.layer(l).weightCount());
            lam[l] = new float[n];
            for (int i = 0; i < n; i++) {
                lam[l][i] = rng.nextDouble() < shares[l] ? (float) (rng.nextDouble() * 3 - 1.5)
                        : (rng.nextBoolean() ? 8f : -8f);
            }
            mean[l] = new float[a.layer(l).outChannels()];
            var[l] = new float[a.layer(l).outChannels()];
            Arrays.fill(var[l], 1f);
        }
        BbnnModel probe = new BbnnModel(a, lam, mean, var, null);
        int count = bnImages.size();
        float[] x = ModelInputs.normalised(probe, bnImages);
        for (int l = 0; l < depth; l++) {
            LayerSpec s = a.layer(l);
            float[] w = WeightSampler.mode(lam[l]);
            // statistics of what BatchNorm sees (after pooling): forward with zero mean, unit variance, no ReLU
            LayerSpec noRelu = new LayerSpec(s.index(), s.kind(), s.inChannels(), s.outChannels(), s.kernel(),
                    s.padding(), s.inHeight(), s.inWidth(), s.maxPool(), false, 0.0, s.bnMomentum());
            float[] zeros = new float[s.outChannels()];
            float[] ones = new float[s.outChannels()];
            Arrays.fill(ones, 1f);
            float[] pre = LayerForward.forward(noRelu, w, zeros, ones, x, count);
            int out = s.outChannels();
            int plane = pre.length / (count * out);
            for (int c = 0; c < out; c++) {
                double sum = 0;
                double sq = 0;
                for (int b = 0; b < count; b++) {
                    for (int i = 0; i < plane; i++) {
                        double v = pre[(b * out + c) * plane + i];
                        sum += v;
                        sq += v * v;
                    }
                }
                double mu = sum / ((double) count * plane);
                mean[l][c] = (float) mu;
                var[l][c] = (float) Math.max(1e-3, sq / ((double) count * plane) - mu * mu);
            }
            x = LayerForward.forward(s, w, mean[l], var[l], x, count);
        }
        return new BbnnModel(a, lam, mean, var, null);
    }

    /** Writes the default fmnist-small benchmark model to args[0]. */
    public static void main(String[] args) {
        Architecture a = Architectures.parse(Architectures.FMNIST_SMALL);
        BbnnModel m = of(a, FMNIST_SMALL_SHARES, 1, TestData.fashionTrain(1000));
        long prob = 0;
        for (int l = 0; l < a.depth(); l++) {
            for (float v : m.lambda(l)) {
                prob += Math.abs(v) < 8f ? 1 : 0;
            }
        }
        ModelFile.write(Path.of(args[0]), m);
        System.out.printf("wrote %s: %d of %d synapses probabilistic (%.1f %%)%n", args[0], prob, a.weightCount(),
                100.0 * prob / a.weightCount());
    }
}
