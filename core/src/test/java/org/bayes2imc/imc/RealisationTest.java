package org.bayes2imc.imc;

import org.bayes2imc.device.Gaussian;
import org.bayes2imc.infer.WeightSampler;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The realisation's Φ shortcut past ±6σ gives, once snapped by the core, exactly the snapped Φ. */
class RealisationTest {
    @Test
    void probabilityPastTheSnapBoundIsWhatTheCoreSnapsPhiTo() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            double z = i < 100_000 ? -15.0 + i * 3e-4 : rng.nextGaussian() * 8.0;
            float exact = WeightSampler.snap((float) Gaussian.cdf(z));
            assertThat(Float.floatToIntBits(WeightSampler.snap(Realisation.probability(z)))).as("z = %s", z)
                    .isEqualTo(Float.floatToIntBits(exact));
        }
        assertThat(Realisation.probability(-Realisation.SNAPPED_Z)).isZero();
        assertThat(Realisation.probability(Realisation.SNAPPED_Z)).isEqualTo(1f);
        assertThat(Realisation.probability(0.0)).isEqualTo(0.5f);
        assertThat(Realisation.probability(Double.NaN)).isNaN();
    }
}
