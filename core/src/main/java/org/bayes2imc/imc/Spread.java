package org.bayes2imc.imc;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Mean, sample standard deviation (n − 1), minimum and maximum of one figure over deployments (docs/RESULTS.md
 * {@code Spread}; the count of finite values is not written).
 */
public record Spread(double mean, double std, double min, double max, @JsonIgnore int count) {

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
}
