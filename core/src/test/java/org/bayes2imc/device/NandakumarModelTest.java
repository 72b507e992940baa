package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NandakumarModelTest {
    private final NandakumarModel model = new NandakumarModel();
    private static final int N = 100_000;

    @Test
    void publishedFormulas() {
        assertThat(model.setIncrementMean(5.0, 1.0)).isCloseTo(-0.42 + 0.88 + 1.40, within(1e-12));
        assertThat(model.setIncrementStd(5.0, 1.0)).isCloseTo(0.455 + 0.26 + 2.15, within(1e-12));
        assertThat(model.nextPulseState(1.0)).isCloseTo(Math.exp(-1 / 2.6), within(1e-15));
        assertThat(model.readNoiseSigmaMicroSiemens(9.0, 5.0, 0.0)).isCloseTo(0.28, within(1e-12));
        // Drift: (t/T0)^-ν after T0, held before T0.
        assertThat(model.driftFactor(0.04, 10.0)).isEqualTo(1.0);
        assertThat(model.driftFactor(0.04, 38.6 * 1000)).isCloseTo(Math.pow(1000, -0.04), within(1e-12));
        assertThat(model.drifted(5.0, 0.04, 3600)).isCloseTo(5.0 * Math.pow(3600 / 38.6, -0.04), within(1e-12));
        assertThat(model.drifted(0.1, 0.04, 1e9)).isEqualTo(0.1);
    }

    @Test
    void setIncrementsHaveThePublishedMeanAndSpread() {
        checkIncrements(5.0, 0.1, 21);
        checkIncrements(2.0, 0.0, 22);
    }

    private void checkIncrements(double g, double p, long seed) {
        RandomGenerator rng = new SplittableRandom(seed);
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = model.setPulse(g, p, rng) - g;
        }
        double mu = model.setIncrementMean(g, p);
        double sd = model.setIncrementStd(g, p);
        Stats s = new Stats(d);
        assertThat(s.mean).isCloseTo(mu, within(4 * Stats.seMean(sd, N)));
        assertThat(s.std).isCloseTo(sd, within(4 * Stats.seStd(sd, N)));
    }

    @Test
    void resetAndReadsHaveThePublishedSpread() {
        RandomGenerator rng = new SplittableRandom(23);
        double[] r = new double[N];
        double[] reads = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = model.reset(rng);
            reads[i] = model.read(5.0, 5.0, 100.0, rng);
        }
        Stats s = new Stats(r);
        assertThat(s.mean).isCloseTo(0.1, within(4 * Stats.seMean(0.01, N)));
        assertThat(s.std).isCloseTo(0.01, within(4 * Stats.seStd(0.01, N)));
        Stats rs = new Stats(reads);
        assertThat(rs.mean).isCloseTo(5.0, within(4 * Stats.seMean(0.28, N)));
        assertThat(rs.std).isCloseTo(0.28, within(4 * Stats.seStd(0.28, N)));
    }

    @Test
    void iterativeProgrammingLandsNearTheTarget() {
        RandomGenerator rng = new SplittableRandom(24);
        int n = 10_000;
        double target = 5.0;
        double[] g = new double[n];
        long pulses = 0;
        int within = 0;
        for (int i = 0; i < n; i++) {
            ProgrammingOutcome o = model.programWithOutcome(target, rng);
            g[i] = o.conductanceMicroSiemens();
            pulses += o.pulses();
            assertThat(o.pulses()).isBetween(2, 50);
            if (Math.abs(g[i] - target) <= 1.0) {
                within++;
            }
        }
        Stats s = new Stats(g);
        assertThat(s.mean).isCloseTo(target, within(0.1));
        // Verify reads have σ = 0.28 µS and the window is ±0.5 µS, so the final spread is well below a single
        // SET pulse's (≈ 0.9–2.9 µS).
        assertThat(s.std).isLessThan(0.5);
        assertThat(within / (double) n).isGreaterThan(0.9);
        assertThat(pulses / (double) n).isGreaterThan(2.0);
    }
}
