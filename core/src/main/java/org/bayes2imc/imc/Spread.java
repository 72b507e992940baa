package org.bayes2imc.imc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.metrics.SampleStatistics;

/** Mean, sample standard deviation (n − 1), minimum and maximum of one figure over deployments (docs/RESULTS.md). */
public record Spread(double mean, double std, double min, double max, int count) {

    /** Over the values that are not NaN (a NaN marks a deployment without this figure). */
    public static Spread of(double[] values) {
        SampleStatistics.Summary s = SampleStatistics.summarise(values);
        return new Spread(s.mean(), s.std(), s.min(), s.max(), s.count());
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
