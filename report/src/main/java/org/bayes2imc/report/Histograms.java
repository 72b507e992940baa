package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.data.xy.XYIntervalSeries;

/** Turns a results.json histogram {edges: [n+1], counts: [n]} into bar intervals. */
final class Histograms {
    private Histograms() {
    }

    /**
     * One bar per non-empty bin from edges[i] to edges[i+1], height count·scale; bars start at {@code floor}
     * (0 for linear axes, below 1 for log axes, where 0 cannot be drawn). Malformed histograms give no bars.
     */
    static XYIntervalSeries series(String name, JsonNode h, double scale, double floor) {
        XYIntervalSeries s = new XYIntervalSeries(name);
        JsonNode edges = h.path("edges");
        JsonNode counts = h.path("counts");
        if (!edges.isArray() || !counts.isArray() || edges.size() != counts.size() + 1) {
            return s;
        }
        for (int i = 0; i < counts.size(); i++) {
            double lo = edges.get(i).asDouble(Double.NaN);
            double hi = edges.get(i + 1).asDouble(Double.NaN);
            double c = counts.get(i).asDouble(Double.NaN);
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !Double.isFinite(c) || c <= 0) {
                continue;
            }
            double y = c * scale;
            s.add((lo + hi) / 2, lo, hi, y, Math.min(floor, y), y);
        }
        return s;
    }

    /** Sum of the counts (0 when malformed). */
    static double total(JsonNode h) {
        double t = 0;
        for (JsonNode c : h.path("counts")) {
            double v = c.asDouble(Double.NaN);
            if (Double.isFinite(v)) {
                t += v;
            }
        }
        return t;
    }
}
