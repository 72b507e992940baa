package org.bayes2imc.imc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.bayes2imc.metrics.SampleStatistics;

/**
 * Mean, sample standard deviation (n − 1), minimum and maximum of one figure over deployments (docs/RESULTS.md
 * {@code Spread}; the count of finite values is not written).
 */
public record Spread(double mean, double std, double min, double max, @JsonIgnore int count) {

    /** Over the values that are not NaN (a NaN marks a deployment without this figure). */
    public static Spread of(double[] values) {
        SampleStatistics.Summary s = SampleStatistics.summarise(values);
        return new Spread(s.mean(), s.std(), s.min(), s.max(), s.count());
    }
}
