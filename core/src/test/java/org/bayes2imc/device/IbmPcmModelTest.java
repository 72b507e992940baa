package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IbmPcmModelTest {
    private final IbmPcmModel model = new IbmPcmModel();
    private static final int N = 100_000;

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    @Test
    void programmingNoiseReproducesTheWorkedValues() {
        assertThat(round(model.programmingNoiseSigma(25.0), 4)).isEqualTo(1.0554);
        assertThat(round(model.programmingNoiseSigma(12.5), 4)).isEqualTo(0.9527);
        assertThat(round(model.programmingNoiseSigma(2.5), 4)).isEqualTo(0.4482);
        assertThat(round(model.programmingNoiseSigma(0.0), 4)).isEqualTo(0.2635);
    }

    @Test
    void driftExponentStatisticsReproduceTheWorkedValues() {
        assertThat(round(model.driftExponentMean(2.5), 4)).isEqualTo(0.0601);
        assertThat(round(model.driftExponentStd(2.5), 4)).isEqualTo(0.0229);
        assertThat(round(model.driftExponentMean(0.1), 3)).isEqualTo(0.100);
        assertThat(round(model.driftExponentStd(0.1), 3)).isEqualTo(0.045);
        // The clip bounds hold at the extremes.
        assertThat(model.driftExponentMean(25.0)).isEqualTo(0.049);
        assertThat(model.driftExponentStd(25.0)).isEqualTo(0.008);
        assertThat(model.driftExponentMean(0.0)).isEqualTo(0.1);
    }

    @Test
    void readNoiseReproducesTheWorkedValues() {
        assertThat(round(model.readNoiseQs(25.0), 4)).isEqualTo(0.0088);
        assertThat(round(model.readNoiseQs(2.5), 4)).isEqualTo(0.0393);
        assertThat(model.readNoiseQs(1e-6)).isEqualTo(0.2);
        assertThat(round(model.readNoiseTimeFactor(0.0), 3)).isEqualTo(4.184);
        assertThat(round(model.readNoiseTimeFactor(Durations.DAY), 3)).isEqualTo(5.087);
        assertThat(round(model.readNoiseTimeFactor(Durations.YEAR), 3)).isEqualTo(5.637);
        assertThat(model.readNoiseSigmaMicroSiemens(10.0, 10.0, 0.0))
                .isCloseTo(10.0 * model.readNoiseQs(10.0) * model.readNoiseTimeFactor(0.0), within(1e-12));
    }

    @Test
    void driftFactorReproducesTheWorkedValues() {
        assertThat(round(model.driftFactor(0.049, Durations.HOUR), 3)).isEqualTo(0.775);
        assertThat(round(model.driftFactor(0.049, Durations.DAY), 3)).isEqualTo(0.664);
        assertThat(round(model.driftFactor(0.049, Durations.YEAR), 3)).isEqualTo(0.497);
        assertThat(round(model.driftFactor(0.049, 10 * Durations.YEAR), 3)).isEqualTo(0.444);
        assertThat(model.driftFactor(0.049, 0.0)).isEqualTo(1.0);
        assertThat(model.drifted(10.0, 0.049, Durations.DAY)).isCloseTo(10.0 * model.driftFactor(0.049, Durations.DAY), within(1e-12));
        assertThatThrownBy(() -> model.drifted(10.0, 0.05, -1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void programmedConductancesHaveThePolynomialSpread() {
        RandomGenerator rng = new SplittableRandom(11);
        double target = 10.0;
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            g[i] = model.program(target, rng);
        }
        Stats s = new Stats(g);
        double sigma = model.programmingNoiseSigma(target);
        assertThat(s.mean).isCloseTo(target, within(4 * Stats.seMean(sigma, N)));
        assertThat(s.std).isCloseTo(sigma, within(4 * Stats.seStd(sigma, N)));
    }

    @Test
    void driftExponentsFollowTheFoldedNormal() {
        RandomGenerator rng = new SplittableRandom(12);
        double g = 2.5;
        double mu = model.driftExponentMean(g);
        double sd = model.driftExponentStd(g);
        double[] nu = new double[N];
        for (int i = 0; i < N; i++) {
            nu[i] = model.driftExponent(g, rng);
        }
        // Folded normal |N(μ, σ)|: mean σ·sqrt(2/π)·exp(−μ²/2σ²) + μ·(1 − 2Φ(−μ/σ)), variance μ² + σ² − mean².
        double mean = sd * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * sd * sd)) + mu * (1 - 2 * Gaussian.cdf(-mu / sd));
        double std = Math.sqrt(mu * mu + sd * sd - mean * mean);
        Stats s = new Stats(nu);
        assertThat(s.mean).isCloseTo(mean, within(4 * Stats.seMean(std, N)));
        assertThat(s.std).isCloseTo(std, within(5 * Stats.seStd(std, N)));
    }

    @Test
    void readsHaveTheOneOverFSpread() {
        RandomGenerator rng = new SplittableRandom(13);
        double g = 10.0;
        double t = Durations.HOUR;
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = model.read(g, g, t, rng);
        }
        double sigma = g * model.readNoiseQs(g) * model.readNoiseTimeFactor(t);
        Stats s = new Stats(r);
        assertThat(s.mean).isCloseTo(g, within(4 * Stats.seMean(sigma, N)));
        assertThat(s.std).isCloseTo(sigma, within(4 * Stats.seStd(sigma, N)));
    }

    @Test
    void driftedReadNoiseUsesTheProgrammedQsLikeAihwkit() {
        double gp = 10.0;
        double t = Durations.YEAR;
        double gd = model.drifted(gp, 0.06, t);
        assertThat(model.readNoiseSigmaMicroSiemens(gp, gd, t))
                .isCloseTo(gd * model.readNoiseQs(gp) * model.readNoiseTimeFactor(t), within(1e-12));
        IbmPcmModel drifted = new IbmPcmModel(IbmPcmConfig.defaults().withReadNoiseConductance(ReadNoiseConductance.DRIFTED));
        assertThat(drifted.readNoiseSigmaMicroSiemens(gp, gd, t)).isEqualTo(drifted.readNoiseSigmaMicroSiemens(gd, gd, t));
        // Issue 13: at 5 µS after 10^7 s, Q_s at the drifted conductance overstates the read σ by about 1.5×.
        double g5 = model.drifted(5.0, model.driftExponentMean(5.0), 1e7);
        assertThat(drifted.readNoiseSigmaMicroSiemens(5.0, g5, 1e7) / model.readNoiseSigmaMicroSiemens(5.0, g5, 1e7))
                .isCloseTo(Math.pow(5.0 / g5, 0.65), within(1e-12)).isBetween(1.4, 1.6);
        RandomGenerator rng = new SplittableRandom(15);
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = model.read(gp, gd, t, rng);
        }
        double sigma = model.readNoiseSigmaMicroSiemens(gp, gd, t);
        Stats s = new Stats(r);
        assertThat(s.mean).isCloseTo(gd, within(4 * Stats.seMean(sigma, N)));
        assertThat(s.std).isCloseTo(sigma, within(4 * Stats.seStd(sigma, N)));
    }

    @Test
    void noiseScalesSwitchEffectsOff() {
        IbmPcmModel off = new IbmPcmModel(IbmPcmConfig.defaults().withNoiseScales(0, 0, 0));
        RandomGenerator rng = new SplittableRandom(14);
        assertThat(off.program(7.0, rng)).isEqualTo(7.0);
        double nu = off.driftExponent(7.0, rng);
        assertThat(nu).isZero();
        assertThat(off.drifted(7.0, nu, Durations.YEAR)).isEqualTo(7.0);
        assertThat(off.read(7.0, 7.0, Durations.YEAR, rng)).isEqualTo(7.0);
        assertThat(off.program(-3.0, rng)).isZero();
        assertThatThrownBy(() -> IbmPcmConfig.defaults().withNoiseScales(-1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("programming noise scale");
    }
}
