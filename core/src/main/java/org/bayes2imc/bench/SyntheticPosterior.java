package org.bayes2imc.bench;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.infer.LayerForward;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stand-in posterior for benchmarking a network no one has trained here (issue 17: VGGBinaryConnect): in each layer
 * a stated fraction of the fan-in rows (crossbar rows, docs/MODEL.md §8) holds probabilistic synapses — half of each
 * such row with λ ~ U(−1.5, 1.5), p in about [0.05, 0.95] — and every other synapse is deterministic (|λ| = 8, p
 * within 1e-3 of 0 or 1). The BatchNorm running statistics are measured through the mode network on real images, so
 * activations are scaled as in a trained network. The default fractions follow the structure the sparsity source
 * reports for VGGBinaryConnect: conv layers deterministic, the probabilistic synapses in the FC layers.
 */
public final class SyntheticPosterior {
    /** Default share of probabilistic fan-in rows: conv layers. */
    public static final double DEFAULT_CONV_ROWS = 0.0;
    /** Default share of probabilistic fan-in rows: FC layers. */
    public static final double DEFAULT_FC_ROWS = 0.2;

    private SyntheticPosterior() {
    }

    /** The default per-layer row fractions of {@code a}: {@link #DEFAULT_CONV_ROWS} / {@link #DEFAULT_FC_ROWS}. */
    public static double[] defaultRowFractions(Architecture a) {
        double[] f = new double[a.depth()];
        for (int l = 0; l < a.depth(); l++) {
            f[l] = a.layer(l).kind() == LayerKind.FC ? DEFAULT_FC_ROWS : DEFAULT_CONV_ROWS;
        }
        return f;
    }

    /**
     * Reads "F" (every layer) or "F1,F2,…" (one per layer) of fractions in [0, 1] for option {@code option}; null or
     * blank gives {@link #defaultRowFractions}.
     */
    public static double[] parseRowFractions(String option, String text, Architecture a) {
        if (text == null || text.isBlank()) {
            return defaultRowFractions(a);
        }
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != a.depth()) {
            throw new IllegalArgumentException(option + " needs 1 or " + a.depth() + " fractions, got " + parts.length);
        }
        double[] f = new double[a.depth()];
        for (int l = 0; l < a.depth(); l++) {
            String p = parts[parts.length == 1 ? 0 : l].trim();
            try {
                f[l] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + p + "' is not a number");
            }
            if (!(f[l] >= 0 && f[l] <= 1)) {
                throw new IllegalArgumentException(option + ": fractions must be in [0, 1], got " + p);
            }
        }
        return f;
    }

    /** The posterior of {@code a} with these row fractions, BatchNorm measured on {@code bnImages} (shaped for a). */
    public static BbnnModel of(Architecture a, double[] rowFractions, long seed, Dataset bnImages) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] lam = new float[a.depth()][];
        for (int l = 0; l < a.depth(); l++) {
            LayerSpec s = a.layer(l);
            int fanIn = s.fanIn();
            boolean[] stochasticRow = new boolean[fanIn];
            for (int k = 0; k < fanIn; k++) {
                stochasticRow[k] = rng.nextDouble() < rowFractions[l];
            }
            lam[l] = new float[Math.toIntExact(s.weightCount())];
            for (int i = 0; i < lam[l].length; i++) {
                lam[l][i] = stochasticRow[i % fanIn] && rng.nextBoolean() ? (float) (rng.nextDouble() * 3 - 1.5)
                        : (rng.nextBoolean() ? 8f : -8f);
            }
        }
        return withMeasuredBatchNorm(a, lam, bnImages);
    }

    /** The model with these λ and BatchNorm statistics measured through the mode network on real images. */
    static BbnnModel withMeasuredBatchNorm(Architecture a, float[][] lam, Dataset bnImages) {
        int depth = a.depth();
        float[][] mean = new float[depth][];
        float[][] var = new float[depth][];
        for (int l = 0; l < depth; l++) {
            mean[l] = new float[a.layer(l).outChannels()];
            var[l] = new float[a.layer(l).outChannels()];
            Arrays.fill(var[l], 1f);
        }
        int count = bnImages.size();
        float[] x = ModelInputs.normalised(new BbnnModel(a, lam, mean, var, null), bnImages);
        for (int l = 0; l < depth; l++) {
            LayerSpec s = a.layer(l);
            float[] mode = WeightSampler.mode(lam[l]);
            // statistics after pooling, as BatchNorm sees them: the layer with BatchNorm (0, 1) and no ReLU
            float[] zeros = new float[s.outChannels()];
            float[] ones = new float[s.outChannels()];
            Arrays.fill(ones, 1f);
            LayerSpec plain = new LayerSpec(s.index(), s.kind(), s.inChannels(), s.outChannels(), s.kernel(), s.padding(),
                    s.inHeight(), s.inWidth(), s.maxPool(), false, 0.0, s.bnMomentum());
            float[] lin = LayerForward.forward(plain, mode, zeros, ones, x, count);
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
                double mu = sum / ((double) count * plane);
                mean[l][c] = (float) mu;
                var[l][c] = (float) Math.max(1e-3, sq / ((double) count * plane) - mu * mu);
            }
            x = LayerForward.forward(s, mode, mean[l], var[l], x, count);
        }
        return new BbnnModel(a, lam, mean, var, null);
    }
}
