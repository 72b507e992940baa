package org.bayes2imc.device;

import org.bayes2imc.metrics.SampleStatistics;

/** Sample mean and standard deviation for the statistical tests (the project's {@link SampleStatistics}). */
final class Stats {
    final double mean;
    final double std;
    final int n;

    Stats(double[] x) {
        SampleStatistics.Summary s = SampleStatistics.summarise(x);
        n = x.length;
        mean = s.mean();
        std = s.std();
    }

    /** Standard error of the mean for a population σ. */
    static double seMean(double sigma, int n) {
        return sigma / Math.sqrt(n);
    }

    /** Approximate standard error of a sample std (normal data): σ/sqrt(2(n−1)). */
    static double seStd(double sigma, int n) {
        return sigma / Math.sqrt(2.0 * (n - 1));
    }
}
