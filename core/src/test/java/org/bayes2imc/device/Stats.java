package org.bayes2imc.device;

/** Sample mean and standard deviation for the statistical tests. */
final class Stats {
    final double mean;
    final double std;
    final int n;

    Stats(double[] x) {
        n = x.length;
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        mean = s / n;
        double ss = 0.0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        std = Math.sqrt(ss / (n - 1));
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
