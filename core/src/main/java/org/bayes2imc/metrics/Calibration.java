package org.bayes2imc.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected calibration error with equal-width confidence bins and the reliability-diagram data (Guo et al. 2017;
 * docs/MODEL.md §2.5: 15 bins). Bin b covers confidences [b/B, (b+1)/B), the last bin including 1.
 */
public final class Calibration {
    public static final int DEFAULT_BINS = 15;

    private Calibration() {
    }

    /** One bin of the reliability diagram; empty bins have count 0 and NaN means. */
    public record Bin(@JsonProperty("bin_lower") double lower, @JsonProperty("bin_upper") double upper, int count,
                      @JsonProperty("confidence") double meanConfidence, double accuracy) {
    }

    /** The reliability diagram: every bin, empty ones included. */
    public static List<Bin> reliability(Predictive p, int[] labels, int bins) {
        ClassificationMetrics.check(p, labels);
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one calibration bin");
        }
        int[] count = new int[bins];
        double[] conf = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < labels.length; i++) {
            double c = p.confidence(i);
            int b = Math.min(bins - 1, (int) Math.floor(c * bins));
            count[b]++;
            conf[b] += c;
            if (p.predicted(i) == labels[i]) {
                right[b]++;
            }
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : conf[b] / count[b], count[b] == 0 ? Double.NaN : (double) right[b] / count[b]));
        }
        return out;
    }

    /** ECE = Σ_b (n_b / n)·|accuracy_b − mean confidence_b|. */
    public static double ece(List<Bin> reliability) {
        long n = 0;
        double sum = 0;
        for (Bin b : reliability) {
            n += b.count();
            if (b.count() > 0) {
                sum += b.count() * Math.abs(b.accuracy() - b.meanConfidence());
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public static double ece(Predictive p, int[] labels, int bins) {
        return ece(reliability(p, labels, bins));
    }
}
