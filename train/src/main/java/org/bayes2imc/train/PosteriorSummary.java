package org.bayes2imc.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.BbnnModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How concentrated a BBNN posterior is (docs/MODEL.md §2.4): per layer and overall, the fraction of probabilistic synapses,
 * those with min(p, 1 − p) ≥ ε, i.e. |λ| ≤ ½·ln((1 − ε)/ε), at ε = 0.01 and 0.001, and a 10-bin histogram of p.
 */
@JsonPropertyOrder({"probabilistic_fraction", "probabilistic_fraction_eps_0_001", "synapses", "layers", "p_histogram"})
public record PosteriorSummary(List<Layer> layers, long synapses,
                               @JsonProperty("probabilistic_fraction") double fraction01,
                               @JsonProperty("probabilistic_fraction_eps_0_001") double fraction001,
                               long[] pHistogram) {

    /** One layer's row. */
    public record Layer(String layer, long synapses, @JsonProperty("probabilistic_fraction") double fraction01,
                        @JsonProperty("probabilistic_fraction_eps_0_001") double fraction001) {
    }

    public static final int BINS = 10;

    public static double threshold(double eps) {
        return 0.5 * Math.log((1 - eps) / eps);
    }

    public static PosteriorSummary of(BbnnModel model) {
        float[][] lam = new float[model.architecture().depth()][];
        for (int i = 0; i < lam.length; i++) {
            lam[i] = model.lambda(i);
        }
        return of(model, lam);
    }

    static PosteriorSummary of(BbnnModel shape, float[][] lambda) {
        double t01 = threshold(0.01);
        double t001 = threshold(0.001);
        List<Layer> rows = new ArrayList<>();
        long total = 0;
        long n01 = 0;
        long n001 = 0;
        long[] hist = new long[BINS];
        for (int i = 0; i < lambda.length; i++) {
            long a = 0;
            long b = 0;
            for (float v : lambda[i]) {
                double m = Math.abs(v);
                if (m <= t01) {
                    a++;
                }
                if (m <= t001) {
                    b++;
                }
                double p = BbnnModel.probabilityPlusOne(v);
                hist[Math.min(BINS - 1, (int) (p * BINS))]++;
            }
            int len = lambda[i].length;
            rows.add(new Layer(shape.architecture().layer(i).name(), len, (double) a / len, (double) b / len));
            total += len;
            n01 += a;
            n001 += b;
        }
        return new PosteriorSummary(List.copyOf(rows), total, (double) n01 / total, (double) n001 / total, hist);
    }

    /** This summary as a JSON tree (the model metadata's {@code posterior}). */
    public JsonNode toJson() {
        return Json.tree(this);
    }

    /** A short one-line summary: overall and per-layer fractions at ε = 0.01. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "probabilistic %.1f%% (ε=0.01), %.1f%% (ε=0.001) [",
                100 * fraction01, 100 * fraction001));
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(layers.get(i).layer).append(String.format(Locale.ROOT, " %.1f%%", 100 * layers.get(i).fraction01));
        }
        return sb.append(']').toString();
    }
}
