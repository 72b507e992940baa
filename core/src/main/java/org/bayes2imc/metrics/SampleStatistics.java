package org.bayes2imc.metrics;

/**
 * The project's one mean / standard deviation helper (textbook two-pass formulas: sum in the given order, divide, then
 * the sum of squared deviations), used for spreads over deployments, device-characterisation summaries, metric means
 * and the moment-matching logit correction. The order of summation is part of the contract: seeded results.json
 * figures are reproducible to the last bit.
 */
public final class SampleStatistics {
    private SampleStatistics() {
    }

    /**
     * Count, mean, sample standard deviation (n − 1; 0 for one value), minimum and maximum of the values that are not
     * NaN (NaN marks a missing figure); all NaN and count 0 when none is left.
     */
    public record Summary(int count, double mean, double std, double min, double max) {
    }

    public static Summary summarise(double[] values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Summary(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, min, max);
    }

    /** The arithmetic mean (NaN for no values; a NaN value makes it NaN). */
    public static double mean(double[] values) {
        double s = 0;
        for (double x : values) {
            s += x;
        }
        return values.length == 0 ? Double.NaN : s / values.length;
    }

    /** The population standard deviation (divisor n) about a given mean. */
    public static double populationStd(double[] values, double mean) {
        double ss = 0;
        for (double x : values) {
            double d = x - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / values.length);
    }
}
