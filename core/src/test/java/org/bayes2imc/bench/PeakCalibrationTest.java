package org.bayes2imc.bench;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The peak kernels compute what they claim (so their rates count real work) and the timing summary. */
class PeakCalibrationTest {

    @Test
    void popcountPassIsTheDotProductOfPackedSigns() {
        SplittableRandom r = new SplittableRandom(4);
        long[] x = new long[5];
        long[] y = new long[5];
        long expected = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextLong();
            y[i] = r.nextLong();
            for (int b = 0; b < 64; b++) {
                int sx = (x[i] >>> b & 1) == 1 ? 1 : -1;
                int sy = (y[i] >>> b & 1) == 1 ? 1 : -1;
                expected += sx * sy;
            }
        }
        assertThat(PeakCalibration.popcountPass(x, y, 3)).isEqualTo(3 * expected);
        assertThat(PeakCalibration.popcountPass(x, x, 1)).isEqualTo(64L * x.length);
    }

    @Test
    void fmaPassIteratesTheMultiplyAdd() {
        float[][] acc = {{1f, 2f}, {0f, -1f}};
        float[] a = {0.5f, 2f};
        float[] b = {1f, 0f};
        PeakCalibration.fmaPass(acc, a, b, 2);
        // 1 → 1.5 → 1.75; 2 → 4 → 8; 0 → 1 → 1.5; −1 → −2 → −4
        assertThat(acc[0]).containsExactly(1.75f, 8f);
        assertThat(acc[1]).containsExactly(1.5f, -4f);
    }

    @Test
    void measuresPositiveRates() {
        PeakCalibration.Peak p = PeakCalibration.measure(1, 0.03);
        assertThat(p.fmaGflops()).isPositive();
        assertThat(p.popcountGBinaryMacs()).isPositive();
        assertThat(p.floatPeakGflops()).isGreaterThanOrEqualTo(p.fmaGflops());
        assertThat(p.floatPeakGflopsPerCpuSecond()).isPositive();
    }

    @Test
    void timingsSummarise() {
        Timings t = new Timings(new double[] {3, 1, 2, 10});
        assertThat(t.median()).isEqualTo(2.5);
        assertThat(t.min()).isEqualTo(1);
        assertThat(t.max()).isEqualTo(10);
        assertThat(new Timings(new double[] {4, 1, 2}).median()).isEqualTo(2);
        assertThatThrownBy(() -> new Timings(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
