package org.bayes2imc.metrics;

/**
 * The ensemble's predictive distribution (docs/MODEL.md §2.5): the mean over members of softmax(logits / T), and per image
 * the uncertainty decomposition in nats: predictive entropy H[p̄], aleatoric part E_s H[p_s] (mean member entropy),
 * epistemic part H[p̄] − E_s H[p_s] (the mutual information between prediction and weights; clamped at 0 against
 * rounding).
 *
 * @param classes    C
 * @param mean       p̄, [n·C]
 * @param entropy    H[p̄] per image
 * @param aleatoric  mean member entropy per image
 * @param epistemic  mutual information per image
 */
public record Predictive(int classes, double[] mean, double[] entropy, double[] aleatoric, double[] epistemic) {

    /** Computes the predictive distribution of the logits at temperature T (T = 1: raw). */
    public static Predictive of(EnsembleLogits logits, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("calibration temperature must be positive and finite, got " + temperature);
        }
        int c = logits.classes();
        int n = logits.images();
        int s = logits.samples();
        double[] mean = new double[n * c];
        double[] aleatoric = new double[n];
        double[] p = new double[c];
        for (float[] member : logits.members()) {
            for (int i = 0; i < n; i++) {
                softmax(member, i * c, c, temperature, p);
                aleatoric[i] += entropy(p, 0, c) / s;
                for (int k = 0; k < c; k++) {
                    mean[i * c + k] += p[k] / s;
                }
            }
        }
        double[] entropy = new double[n];
        double[] epistemic = new double[n];
        for (int i = 0; i < n; i++) {
            entropy[i] = entropy(mean, i * c, c);
            epistemic[i] = Math.max(0.0, entropy[i] - aleatoric[i]);
        }
        return new Predictive(c, mean, entropy, aleatoric, epistemic);
    }

    public int images() {
        return entropy.length;
    }

    /** softmax(x/T) of one image's logits, computed stably in double. */
    public static void softmax(float[] logits, int offset, int c, double temperature, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            max = Math.max(max, logits[offset + k] / temperature);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
            out[k] = Math.exp(logits[offset + k] / temperature - max);
            sum += out[k];
        }
        for (int k = 0; k < c; k++) {
            out[k] /= sum;
        }
    }

    /** Shannon entropy in nats of p[offset..offset+c), with 0·ln 0 = 0. */
    public static double entropy(double[] p, int offset, int c) {
        double h = 0;
        for (int k = 0; k < c; k++) {
            double v = p[offset + k];
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    /** The predicted class of image i (first maximum). */
    public int predicted(int i) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (mean[i * classes + k] > mean[i * classes + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The confidence (largest class probability) of image i. */
    public double confidence(int i) {
        return mean[i * classes + predicted(i)];
    }
}
