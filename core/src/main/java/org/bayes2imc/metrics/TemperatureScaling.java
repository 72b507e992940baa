package org.bayes2imc.metrics;

/**
 * Temperature scaling of an ensemble's logits (Guo et al. 2017, applied per member as in docs/MODEL.md §2.4): the T > 0
 * minimising the negative log-likelihood of the ensemble prediction mean over members of softmax(logits/T), fitted
 * on a validation split. Search on log T: a coarse grid over [1/100, 100] then golden-section refinement.
 */
public final class TemperatureScaling {
    public static final double MIN_T = 0.01;
    public static final double MAX_T = 100;
    private static final int GRID = 49;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /**
     * @param memberLogits per member n × classes logits, row-major (one member for a single network)
     * @param labels       n true classes
     * @return the fitted temperature
     */
    public static double fit(float[][] memberLogits, int[] labels, int classes) {
        check(memberLogits, labels, classes);
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double step = (hi - lo) / (GRID - 1);
        int best = 0;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double v = nll(memberLogits, labels, classes, Math.exp(lo + i * step));
            if (v < bestNll) {
                bestNll = v;
                best = i;
            }
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(GRID - 1, best + 1) * step;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = nll(memberLogits, labels, classes, Math.exp(c));
        double fd = nll(memberLogits, labels, classes, Math.exp(d));
        for (int it = 0; it < 60 && b - a > 1e-7; it++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = nll(memberLogits, labels, classes, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = nll(memberLogits, labels, classes, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    /** Mean NLL of the ensemble prediction mean_k softmax(logits_k / t). */
    public static double nll(float[][] memberLogits, int[] labels, int classes, double t) {
        check(memberLogits, labels, classes);
        int n = labels.length;
        double sum = 0;
        double[] p = new double[classes];
        for (int i = 0; i < n; i++) {
            double py = 0;
            for (float[] z : memberLogits) {
                softmax(z, i * classes, classes, t, p);
                py += p[labels[i]];
            }
            sum -= Math.log(Math.max(py / memberLogits.length, 1e-300));
        }
        return sum / n;
    }

    /** The ensemble's predictive probabilities (n × classes) at temperature t. */
    public static double[] ensembleProbabilities(float[][] memberLogits, int classes, double t) {
        int n = memberLogits[0].length / classes;
        double[] out = new double[n * classes];
        double[] p = new double[classes];
        for (float[] z : memberLogits) {
            for (int i = 0; i < n; i++) {
                softmax(z, i * classes, classes, t, p);
                for (int c = 0; c < classes; c++) {
                    out[i * classes + c] += p[c] / memberLogits.length;
                }
            }
        }
        return out;
    }

    private static void softmax(float[] z, int off, int classes, double t, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, z[off + c] / t);
        }
        double s = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(z[off + c] / t - max);
            s += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= s;
        }
    }

    private static void check(float[][] memberLogits, int[] labels, int classes) {
        if (memberLogits.length == 0 || labels.length == 0 || classes < 2) {
            throw new IllegalArgumentException("temperature scaling needs at least one member, one sample and two classes");
        }
        for (float[] z : memberLogits) {
            if (z.length != labels.length * classes) {
                throw new IllegalArgumentException("member logits have " + z.length + " values, expected " + labels.length + "×" + classes);
            }
        }
        for (int y : labels) {
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " outside [0, " + classes + ")");
            }
        }
    }
}
