package org.bayes2imc.infer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activation quantiser's one rounding rule: {@link UniformActivationQuantiser#nearestEven} is
 * {@code Math.rint} (ties to even, as PyTorch's {@code round} and oneDNN's u8 conversion) on the whole level range.
 */
class NearestEvenProperties {

    @Property(tries = 2000)
    void equalsRint(@ForAll @FloatRange(min = 0f, max = 65535f) float t) {
        assertThat(UniformActivationQuantiser.nearestEven(t)).isEqualTo((float) Math.rint(t));
    }

    @Property(tries = 500)
    void tiesGoToTheEvenLevel(@ForAll @IntRange(min = 0, max = 65534) int k) {
        float tie = k + 0.5f;
        float even = k % 2 == 0 ? k : k + 1;
        assertThat(UniformActivationQuantiser.nearestEven(tie)).isEqualTo(even);
        // just below a half: the old "add ½ and truncate" rule rounded 0.49999997 up to 1
        float below = Math.nextDown(tie);
        assertThat(UniformActivationQuantiser.nearestEven(below)).isEqualTo((float) k);
    }

    @Test
    void codeRoundsTiesToEven() {
        // step ¼ on [0, 63.75]: 0.125 is half a level (ties to 0), 0.375 one and a half (ties to 2)
        assertThat(UniformActivationQuantiser.code(0.125f, 0f, 63.75f, 4f)).isZero();
        assertThat(UniformActivationQuantiser.code(0.375f, 0f, 63.75f, 4f)).isEqualTo(2);
        assertThat(UniformActivationQuantiser.code(100f, 0f, 63.75f, 4f)).isEqualTo(255);
        assertThat(UniformActivationQuantiser.code(-3f, 0f, 63.75f, 4f)).isZero();
    }
}
