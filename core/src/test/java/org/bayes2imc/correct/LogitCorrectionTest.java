package org.bayes2imc.correct;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogitCorrectionTest {
    @Test
    void momentMatchingUndoesAKnownAffineDistortionPerLogit() {
        int c = 3;
        int rows = 4000;
        SplittableRandom rng = new SplittableRandom(7);
        float[] sw = new float[rows * c];
        float[] hw = new float[rows * c];
        float[] a = {0.5f, 2f, 1.25f};
        float[] b = {1f, -3f, 0.2f};
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < c; k++) {
                float z = (float) (rng.nextGaussian() * (k + 1) + k);
                sw[r * c + k] = z;
                hw[r * c + k] = a[k] * z + b[k];
            }
        }
        LogitMap map = new MomentMatchingLogitCorrection().fit(new CalibrationSet(c, hw, sw, null));
        for (int k = 0; k < c; k++) {
            // the inverse of z -> a z + b is z -> z / a - b / a
            assertThat(map.scale()[k]).isCloseTo(1f / a[k], within(1e-4f));
            assertThat(map.shift()[k]).isCloseTo(-b[k] / a[k], within(1e-3f));
        }
        float[] fixed = map.apply(hw);
        for (int i = 0; i < 30; i++) {
            assertThat(fixed[i]).isCloseTo(sw[i], within(1e-3f));
        }
    }

    @Test
    void readBackSubtractsTheHandComputedExpectedShift() {
        // 2 classes, fan-in 2: q - p = [0.1, -0.2 | 0, 0.05], x̄ = [1, 2], BN var = [3, 0] with eps 1:
        // shift_0 = 2(0.1·1 − 0.2·2) = −0.6 → correction +0.6/2 = 0.3; shift_1 = 2(0.05·2) = 0.2 → −0.2/1 = −0.2
        float[] p = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] q = {0.6f, 0.3f, 0.5f, 0.55f};
        var rb = new CalibrationSet.FinalLayerReadBack(q, p, new float[] {1f, 2f}, new float[] {3f, 0f}, 1.0);
        LogitMap map = new ReadBackLogitCorrection().fit(new CalibrationSet(2, new float[2], new float[2], rb));
        assertThat(map.scale()).containsExactly(1f, 1f);
        assertThat(map.shift()[0]).isCloseTo(0.3f, within(1e-6f));
        assertThat(map.shift()[1]).isCloseTo(-0.2f, within(1e-6f));
    }

    @Test
    void noneIsIdentityAndNamesResolve() {
        LogitMap m = LogitCorrections.byName("none").fit(new CalibrationSet(2, new float[] {1, 2}, new float[] {3, 4}, null));
        assertThat(m.apply(new float[] {5f, -6f})).containsExactly(5f, -6f);
        assertThat(LogitCorrections.byName(LogitCorrections.DEFAULT)).isInstanceOf(MomentMatchingLogitCorrection.class);
        assertThatThrownBy(() -> LogitCorrections.byName("magic")).hasMessageContaining("unknown logit correction");
        assertThatThrownBy(() -> new ReadBackLogitCorrection().fit(new CalibrationSet(2, new float[2], new float[2], null)))
                .hasMessageContaining("read-back");
    }
}
