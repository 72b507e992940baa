package org.bayes2imc.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * Counts of values in equal-width bins over [lower, upper]; values outside are clamped into the end bins.
 * Used for entropy / mutual-information distributions and the posterior's p histogram.
 */
@JsonPropertyOrder({"lower", "upper", "edges", "counts"})
@JsonIgnoreProperties(value = "edges", allowGetters = true)
public record Histogram(double lower, double upper, long[] counts) {

    public static Histogram of(double[] values, double lower, double upper, int bins) {
        if (bins < 1 || !(upper > lower)) {
            throw new IllegalArgumentException("histogram needs bins ≥ 1 and upper > lower");
        }
        long[] c = new long[bins];
        for (double v : values) {
            c[bin(v, lower, upper, bins)]++;
        }
        return new Histogram(lower, upper, c);
    }

    /** The bin of v: floor((v − lower)/width), clamped to [0, bins − 1]. */
    public static int bin(double v, double lower, double upper, int bins) {
        int b = (int) Math.floor((v - lower) / (upper - lower) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** The equal-width bin edges, one more than the counts (docs/RESULTS.md defines a histogram by them). */
    @JsonProperty("edges")
    public double[] edges() {
        double[] e = new double[counts.length + 1];
        for (int i = 0; i <= counts.length; i++) {
            e[i] = lower + (upper - lower) * i / counts.length;
        }
        return e;
    }
}
