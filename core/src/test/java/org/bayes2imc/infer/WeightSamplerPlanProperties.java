package org.bayes2imc.infer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draw through a {@link WeightSampler.Plan} (deterministic synapses copied, only stochastic ones visited) gives the
 * values of the per-synapse draw and leaves the stream at the same place, on random mixes of p = 0, p = 1, p below
 * the 24-bit grid, NaN and p in (0, 1).
 */
class WeightSamplerPlanProperties {

    @Property(tries = 200)
    void plannedDrawEqualsPerSynapseDraw(@ForAll @IntRange(min = 0, max = 3000) int synapses,
                                         @ForAll @IntRange(min = 0, max = 100) int stochasticPercent, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[synapses];
        for (int i = 0; i < synapses; i++) {
            if (r.nextInt(100) < stochasticPercent) {
                p[i] = switch (r.nextInt(20)) {
                    case 0 -> Float.NaN;
                    case 1 -> 0x1p-26f;
                    case 2 -> Math.nextDown(1f);
                    default -> (float) r.nextDouble();
                };
            } else {
                p[i] = r.nextBoolean() ? 1f : 0f;
            }
        }
        float[] expected = new float[synapses];
        float[] planned = new float[synapses];
        java.util.Arrays.fill(planned, 7f); // a stale buffer: every entry must be overwritten
        SplittableRandom a = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom b = new SplittableRandom(seed ^ 0x5DEECE66DL);
        WeightSampler.sample(p, a, expected);
        WeightSampler.sample(WeightSampler.plan(p), b, planned);
        assertThat(planned).containsExactly(expected);
        assertThat(b.nextLong()).as("uniforms consumed").isEqualTo(a.nextLong());
        assertThat(WeightSampler.sample(WeightSampler.plan(p), seed, 3, 1, 9))
                .containsExactly(WeightSampler.sample(p, seed, 3, 1, 9));
    }
}
