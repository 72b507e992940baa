package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read+programming target (docs/MODEL.md §5): averaged over many programmings, the realised probability of a
 * synapse at the design read time equals p within its standard error, while the read-noise target is biased toward
 * 1/2. Each statistical check is a two-sided z-test at 4.42 standard errors (confidence 1 − 1e-5 per check, so the
 * whole class fails by chance with probability below 1e-3); the seeds are fixed, so a run is reproducible.
 */
class ProgrammingAwareTargetTest {
    private static final double Z = 4.42;
    private static final int PROGRAMMINGS = 200_000;
    private static final double SECONDS = 20.0;
    private static final double[] P = {0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98};
    private static final MappingConfig AWARE = MappingConfig.builder().optTargetNoise(TargetNoise.READ_AND_PROGRAMMING).build();
    private static final MappingConfig AWARE_PAIR = AWARE.withEncoding(SynapseEncoding.DIFFERENTIAL_PAIR);
    private static final MappingConfig READ = MappingConfig.builder().optTargetNoise(TargetNoise.READ).build();

    /** Mean and standard error of the realised probability over independent programmings of one target. */
    private static Stats realised(ConductanceSolver solver, double p, long seed) {
        DeviceModel model = solver.model();
        RandomGenerator rng = new SplittableRandom(seed);
        SynapseConductances t = solver.target(p);
        double[] q = new double[PROGRAMMINGS];
        for (int i = 0; i < PROGRAMMINGS; i++) {
            double g = model.program(t.positiveMicroSiemens(), rng);
            double nu = model.driftExponent(t.positiveMicroSiemens(), rng);
            if (t.isPair()) {
                double gm = model.program(t.negativeMicroSiemens(), rng);
                double num = model.driftExponent(t.negativeMicroSiemens(), rng);
                q[i] = solver.realisedPairProbability(g, nu, gm, num);
            } else {
                q[i] = solver.realisedProbability(g, nu);
            }
        }
        return new Stats(q);
    }

    private static void assertUnbiased(DeviceModel model, MappingConfig mapping, long seed) {
        ConductanceSolver solver = new ConductanceSolver(model, mapping, SECONDS);
        for (double p : P) {
            Stats s = realised(solver, p, seed++);
            assertThat(Math.abs(s.mean - p)).as("%s p=%s: mean realised %s", model.name(), p, s.mean)
                    .isLessThan(Z * Stats.seMean(s.std, s.n));
        }
    }

    @Test
    void singleDeviceRealisesPOnAverageOverProgrammings() {
        assertUnbiased(new IbmPcmModel(), AWARE, 11);
    }

    @Test
    void differentialPairRealisesPOnAverageOverProgrammings() {
        assertUnbiased(new IbmPcmModel(), AWARE_PAIR, 21);
    }

    @Test
    void programAndVerifyRealisesPOnAverage() {
        // checks the accepted-error distribution derived in ProgramAndVerify.programmedDistribution
        assertUnbiased(DeviceModels.withProgramAndVerify(new IbmPcmModel()), AWARE, 31);
    }

    @Test
    void nandakumarModelRealisesPOnAverageWithinItsQuadratureError() {
        // no closed form: DeviceModel's default of 256 equal-weight programmings, whose own standard error σ_q/16
        // adds to the Monte-Carlo one; the read-noise target must be further off than that
        DeviceModel model = DeviceModels.create("nandakumar");
        ConductanceSolver aware = new ConductanceSolver(model, AWARE, SECONDS);
        ConductanceSolver read = new ConductanceSolver(model, READ, SECONDS);
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            Stats s = realised(aware, p, 41);
            double se = Math.sqrt(Math.pow(Stats.seMean(s.std, s.n), 2) + Math.pow(s.std / 16.0, 2));
            assertThat(Math.abs(s.mean - p)).as("p=%s: mean realised %s", p, s.mean).isLessThan(Z * se);
            if (p != 0.5) {
                assertThat(Math.abs(realised(read, p, 41).mean - p)).isGreaterThan(Math.abs(s.mean - p));
            }
        }
    }

    @Test
    void readNoiseTargetIsBiasedTowardOneHalf() {
        // the failure the read+programming target removes: at 20 s the IBM programming error (σ_p ≈ 0.6 µS at 5 µS)
        // is as large as the read noise, so the read-noise target realises probabilities shrunk toward 1/2
        ConductanceSolver solver = new ConductanceSolver(new IbmPcmModel(), READ, SECONDS);
        Stats low = realised(solver, 0.1, 51);
        Stats high = realised(solver, 0.9, 52);
        assertThat(low.mean - 0.1).isGreaterThan(Z * Stats.seMean(low.std, low.n));
        assertThat(0.9 - high.mean).isGreaterThan(Z * Stats.seMean(high.std, high.n));
    }

    @Test
    void tableInversionMatchesTheExpectationItSolves() {
        ConductanceSolver single = new ConductanceSolver(new IbmPcmModel(), AWARE, SECONDS);
        ConductanceSolver pair = new ConductanceSolver(new IbmPcmModel(), AWARE_PAIR, SECONDS);
        for (int k = 1; k <= 99; k++) {
            double p = k / 100.0;
            assertThat(single.expectedProbability(single.singleDeviceConductance(p))).isCloseTo(p,
                    org.assertj.core.api.Assertions.within(1e-4));
            SynapseConductances t = pair.target(p);
            if (!t.deterministic()) {
                assertThat(pair.expectedPairProbability(t.positiveMicroSiemens(), t.negativeMicroSiemens()))
                        .isCloseTo(p, org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void gaussHermiteNodesIntegrateNormalMoments() {
        QuadratureNodes n = QuadratureNodes.standardNormal(16);
        double m2 = 0.0;
        double m4 = 0.0;
        for (int i = 0; i < n.size(); i++) {
            double x = n.values()[i];
            m2 += n.weights()[i] * x * x;
            m4 += n.weights()[i] * x * x * x * x;
        }
        assertThat(n.mean()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(m2).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(m4).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-11));
    }
}
