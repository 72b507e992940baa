package org.bayes2imc.metrics;

import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerSpec;
import org.bayes2imc.sparsity.SynapseClassifier;

import java.util.ArrayList;
import java.util.List;

/**
 * How Bayesian a trained BBNN is (docs/MODEL.md §2.4, §8): per layer and overall, the synapses that are probabilistic
 * (ε ≤ p ≤ 1 − ε, i.e. |λ| ≤ ½·ln((1 − ε)/ε)) and the histogram of p = sigmoid(2λ) over {@value #P_BINS} bins.
 *
 * @param epsilon   ε of the probabilistic/deterministic split
 * @param layers    one row per layer
 * @param synapses  all synapses
 * @param probabilistic probabilistic synapses overall
 * @param pHistogram p histogram over all layers
 */
public record PosteriorStats(double epsilon, List<Layer> layers, long synapses, long probabilistic, Histogram pHistogram) {
    public static final int P_BINS = 20;
    /** The ε values reported by default: 0.01 (|λ| ≤ 2.30) and 0.001 (|λ| ≤ 3.45). */
    public static final double[] REPORTED_EPSILONS = {0.01, 0.001};

    /** One layer's row. */
    public record Layer(int layer, String name, long synapses, long probabilistic, Histogram pHistogram) {
        public double probabilisticFraction() {
            return synapses == 0 ? 0 : (double) probabilistic / synapses;
        }
    }

    /** |λ| bound equivalent to ε ≤ p ≤ 1 − ε (the one ε rule, {@link SynapseClassifier}). */
    public static double lambdaBound(double epsilon) {
        return SynapseClassifier.ofEpsilon(epsilon).lambdaThreshold();
    }

    public static PosteriorStats of(BbnnModel model, double epsilon) {
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new org.bayes2imc.io.InvalidSetting("epsilon", "must be in (0, 0.5), got " + epsilon);
        }
        SynapseClassifier classifier = SynapseClassifier.ofEpsilon(epsilon);
        List<Layer> rows = new ArrayList<>();
        long total = 0;
        long prob = 0;
        long[] all = new long[P_BINS];
        for (LayerSpec l : model.architecture().layers()) {
            float[] lam = model.lambda(l.index());
            long[] h = new long[P_BINS];
            long k = 0;
            for (float v : lam) {
                if (classifier.isProbabilistic(v)) {
                    k++;
                }
                h[Histogram.bin(BbnnModel.probabilityPlusOne(v), 0, 1, P_BINS)]++;
            }
            for (int b = 0; b < P_BINS; b++) {
                all[b] += h[b];
            }
            rows.add(new Layer(l.index(), l.name(), lam.length, k, new Histogram(0, 1, h)));
            total += lam.length;
            prob += k;
        }
        return new PosteriorStats(epsilon, List.copyOf(rows), total, prob, new Histogram(0, 1, all));
    }

    public double probabilisticFraction() {
        return synapses == 0 ? 0 : (double) probabilistic / synapses;
    }

    /** The results.json {@code software.posterior} block at the reported ε values (docs/RESULTS.md). */
    public static PosteriorReport report(BbnnModel model) {
        return PosteriorReport.of(model, REPORTED_EPSILONS);
    }
}
