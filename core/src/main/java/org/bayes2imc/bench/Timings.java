package org.bayes2imc.bench;

import java.util.Arrays;

/**
 * Repeated measurements of one benchmarked quantity (seconds): the median is the reported figure, min–max its
 * spread. Medians rather than means because a shared machine's load adds occasional long outliers.
 */
public record Timings(double[] seconds) {
    public Timings {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        seconds = seconds.clone();
    }

    /** Median (mean of the two middle values for an even count). */
    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    /** Wall time of {@code body}, seconds. */
    public static double time(Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
