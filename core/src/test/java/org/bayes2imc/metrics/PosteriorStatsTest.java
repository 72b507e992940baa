package org.bayes2imc.metrics;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PosteriorStatsTest {
    @Test
    void countsProbabilisticSynapsesPerLayer() {
        Architecture a = Architectures.parse("custom:4x1x1:2::3"); // FC 4→3 (12 weights), FC 3→2 (6 weights)
        BbnnModel m = BbnnModel.zeros(a);
        // ε = 0.01 → |λ| ≤ ½ ln 99 = 2.2976: 0, 1, −2.29, 0.1 → 4 of 12
        // ε = 0.001 → |λ| ≤ ½ ln 999 = 3.4534: additionally 2.3, 2.31, 3.4 → 7 of 12
        float[] lam = {0f, 1f, 2.3f, 2.31f, -2.29f, -5f, 10f, -10f, 0.1f, 3.4f, 3.5f, -3.46f};
        System.arraycopy(lam, 0, m.lambda(0), 0, 12);
        PosteriorStats s = PosteriorStats.of(m, 0.01);
        assertThat(PosteriorStats.lambdaBound(0.01)).isCloseTo(2.2976, within(1e-4));
        assertThat(s.layers().get(0).probabilistic()).isEqualTo(4);
        assertThat(s.layers().get(0).synapses()).isEqualTo(12);
        assertThat(s.layers().get(1).probabilistic()).isEqualTo(6); // all λ = 0
        assertThat(s.probabilisticFraction()).isCloseTo(10.0 / 18, within(1e-12));
        assertThat(PosteriorStats.of(m, 0.001).layers().get(0).probabilistic()).isEqualTo(7);
        // p histogram (20 bins): bin 10 = [.5, .55) holds λ = 0 (p = .5: six in layer 1, one in layer 0) and
        // λ = 0.1 (p = sigmoid(0.2) = .5498)
        assertThat(s.pHistogram().counts()[10]).isEqualTo(8);
        assertThat(s.pHistogram().counts()[19]).isEqualTo(5); // λ = 2.3, 2.31, 10, 3.4, 3.5 → p ≥ .95
        assertThat(s.pHistogram().counts()[0]).isEqualTo(4); // λ = −2.29, −5, −10, −3.46 → p < .05
        assertThat(s.pHistogram().total()).isEqualTo(18);
        var j = org.bayes2imc.io.Json.tree(PosteriorStats.report(m));
        assertThat(j.get("probabilistic_fraction").asDouble()).isCloseTo(10.0 / 18, within(1e-12));
        assertThat(j.get("layers").get(0).get("layer").asInt()).isEqualTo(0);
        assertThat(j.get("layers").get(0).get("synapses").asLong()).isEqualTo(12);
        assertThat(j.get("layers").get(0).get("probabilistic_fraction").asDouble()).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(j.get("by_epsilon").get("0.001").get("probabilistic").asLong()).isEqualTo(13);
        assertThatThrownBy(() -> PosteriorStats.of(m, 0.6)).isInstanceOf(IllegalArgumentException.class);
    }
}
