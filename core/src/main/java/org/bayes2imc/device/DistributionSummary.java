package org.bayes2imc.device;

import org.bayes2imc.metrics.SampleStatistics;

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
        // summed in sorted order, as before the shared helper
        SampleStatistics.Summary s = SampleStatistics.summarise(x);
        return new DistributionSummary(s.mean(), s.std(), percentile(x, 1), percentile(x, 5), percentile(x, 25),
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
