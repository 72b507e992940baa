package org.bayes2imc.infer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightSamplerTest {

    @Test
    void frequenciesOfPlusOneLieWithinBinomialBounds() {
        int n = 200_000;
        for (double p : new double[] {0.01, 0.1, 0.3, 0.5, 0.9, 0.99}) {
            float[] probs = new float[n];
            Arrays.fill(probs, (float) p);
            float[] w = WeightSampler.sample(probs, 42L, 3, 1, 7);
            long plus = 0;
            for (float v : w) {
                assertThat(v == 1f || v == -1f).isTrue();
                if (v > 0) {
                    plus++;
                }
            }
            // 4.4 standard errors: two-sided 1e-5 per case, so six cases fail by chance with probability < 1e-4.
            double se = Math.sqrt(p * (1 - p) / n);
            assertThat((double) plus / n).as("p=%s", p).isCloseTo(p, within(4.4 * se));
        }
    }

    @Test
    void extremeProbabilitiesAreExact() {
        float[] p = new float[10_000];
        assertThat(WeightSampler.sample(p, 1, 0, 0, 0)).containsOnly(-1f);
        Arrays.fill(p, 1f);
        assertThat(WeightSampler.sample(p, 1, 0, 0, 0)).containsOnly(1f);
    }

    @Test
    void streamsAreKeyedAndReproducible() {
        float[] p = new float[1000];
        Arrays.fill(p, 0.5f);
        float[] a = WeightSampler.sample(p, 5, 1, 2, 3);
        assertThat(WeightSampler.sample(p, 5, 1, 2, 3)).containsExactly(a);
        assertThat(WeightSampler.sample(p, 5, 2, 2, 3)).isNotEqualTo(a);
        assertThat(WeightSampler.sample(p, 5, 1, 3, 3)).isNotEqualTo(a);
        assertThat(WeightSampler.sample(p, 5, 1, 2, 4)).isNotEqualTo(a);
        assertThat(WeightSampler.sample(p, 6, 1, 2, 3)).isNotEqualTo(a);
    }

    @Test
    void modeAndProbabilities() {
        float[] lam = {-2f, 0f, 0.5f, -0f};
        assertThat(WeightSampler.mode(lam)).containsExactly(-1f, 1f, 1f, 1f);
        float[] p = WeightSampler.probabilities(new float[] {0f, 1f, -1f});
        assertThat(p[0]).isEqualTo(0.5f);
        assertThat((double) p[1]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-7));
        assertThat((double) p[2]).isCloseTo(1 / (1 + Math.exp(2)), within(1e-7));
    }
}
