package org.bayes2imc.metrics;

/** Accuracy, negative log-likelihood and Brier score of a predictive distribution against labels (docs/MODEL.md §2.5). */
public final class ClassificationMetrics {
    /** Probabilities are floored here before the log so a confidently wrong image costs a finite NLL (≈ 27.6). */
    public static final double NLL_PROBABILITY_FLOOR = 1e-12;

    private ClassificationMetrics() {
    }

    /** Fraction of images whose predicted class (first maximum of p̄) equals the label. */
    public static double accuracy(Predictive p, int[] labels) {
        check(p, labels);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (p.predicted(i) == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    /** Mean over images of −ln p̄(label) (nats). */
    public static double nll(Predictive p, int[] labels) {
        check(p, labels);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(NLL_PROBABILITY_FLOOR, p.mean()[i * p.classes() + labels[i]]));
        }
        return sum / labels.length;
    }

    /** Brier (1950) multi-class score: mean over images of Σ_c (p̄_c − 1[c = label])², in [0, 2]. */
    public static double brier(Predictive p, int[] labels) {
        check(p, labels);
        int c = p.classes();
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < c; k++) {
                double d = p.mean()[i * c + k] - (k == labels[i] ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / labels.length;
    }

    static void check(Predictive p, int[] labels) {
        if (labels.length != p.images() || labels.length == 0) {
            throw new IllegalArgumentException(labels.length + " labels for " + p.images() + " predictions");
        }
        for (int l : labels) {
            if (l < 0 || l >= p.classes()) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (p.classes() - 1));
            }
        }
    }
}
