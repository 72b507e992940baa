package org.bayes2imc.device;


import java.util.Arrays;

/** Mean, sample standard deviation and the 1/5/25/50/75/95/99 % percentiles (linear interpolation) of a sample. */
public record DistributionSummary(double mean, double std, double p1, double p5, double p25, double p50, double p75,
                                  double p95, double p99) {
    public static DistributionSummary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty sample");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0.0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double std = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0.0;
        return new DistributionSummary(mean, std, percentile(x, 1), percentile(x, 5), percentile(x, 25),
                percentile(x, 50), percentile(x, 75), percentile(x, 95), percentile(x, 99));
    }

    /** Percentile q (0–100) of a sorted sample, interpolating between order statistics (Hyndman–Fan type 7). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
