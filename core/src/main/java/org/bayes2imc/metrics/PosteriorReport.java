package org.bayes2imc.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.json {@code software.posterior} (docs/RESULTS.md): the {@link PosteriorStats} at the first reported ε at top
 * level, with its |λ| bound, and every reported ε under {@code by_epsilon}, keyed by its value (e.g. {@code "0.001"}).
 */
public record PosteriorReport(double epsilon, double lambdaBound, long synapses, long probabilistic,
                              double probabilisticFraction, Histogram pHistogram, List<LayerRow> layers,
                              Map<String, AtEpsilon> byEpsilon) {

    /** One layer at the top-level ε. */
    public record LayerRow(int layer, String name, long synapses, long probabilistic, double probabilisticFraction,
                           Histogram pHistogram) {
    }

    /** The probabilistic counts at one ε, overall and per layer. */
    public record AtEpsilon(long probabilistic, double probabilisticFraction, List<LayerAtEpsilon> layers) {
    }

    /** One layer's probabilistic count at one ε. */
    public record LayerAtEpsilon(int layer, long probabilistic, double probabilisticFraction) {
    }

    /** The report of a model at the given ε values (the first at top level). */
    public static PosteriorReport of(org.bayes2imc.model.BbnnModel model, double... epsilons) {
        PosteriorStats top = PosteriorStats.of(model, epsilons[0]);
        List<LayerRow> rows = top.layers().stream().map(l -> new LayerRow(l.layer(), l.name(), l.synapses(),
                l.probabilistic(), l.probabilisticFraction(), l.pHistogram())).toList();
        Map<String, AtEpsilon> by = new LinkedHashMap<>();
        for (double e : epsilons) {
            PosteriorStats s = PosteriorStats.of(model, e);
            by.put(Double.toString(e), new AtEpsilon(s.probabilistic(), s.probabilisticFraction(), s.layers().stream()
                    .map(l -> new LayerAtEpsilon(l.layer(), l.probabilistic(), l.probabilisticFraction())).toList()));
        }
        return new PosteriorReport(top.epsilon(), PosteriorStats.lambdaBound(top.epsilon()), top.synapses(),
                top.probabilistic(), top.probabilisticFraction(), top.pHistogram(), rows, by);
    }
}
