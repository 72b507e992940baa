package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

/** Mean, sample standard deviation (n − 1), minimum and maximum of one figure over deployments (docs/RESULTS.md). */
public record Spread(double mean, double std, double min, double max, int count) {

    public static Spread of(double[] values) {
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
            return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Spread(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, min, max, n);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        put(o, "mean", mean);
        put(o, "std", std);
        put(o, "min", min);
        put(o, "max", max);
        return o;
    }

    static void put(ObjectNode o, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }
}
