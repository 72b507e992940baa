package org.bayes2imc.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

/**
 * Counts of values in equal-width bins over [lower, upper]; values outside are clamped into the end bins.
 * Used for entropy / mutual-information distributions and the posterior's p histogram.
 */
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

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("lower", lower);
        o.put("upper", upper);
        // equal-width bin edges, as docs/RESULTS.md defines a histogram
        var e = o.putArray("edges");
        for (int i = 0; i <= counts.length; i++) {
            e.add(lower + (upper - lower) * i / counts.length);
        }
        var a = o.putArray("counts");
        for (long c : counts) {
            a.add(c);
        }
        return o;
    }
}
