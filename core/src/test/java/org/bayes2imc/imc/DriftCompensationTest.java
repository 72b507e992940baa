package org.bayes2imc.imc;

import org.bayes2imc.study.DeploymentRunner;
import org.bayes2imc.device.Gaussian;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Drift compensation on a device whose drift factor is known in closed form (issue 4 item 2). */
class DriftCompensationTest {
    static final ConstantDriftDevice DEVICE = new ConstantDriftDevice(0.05, 0.2, 20.0);
    static final double G_REF = 5.0;

    private static DeploymentRunner runner(org.bayes2imc.imc.DriftCompensation c) {
        DeployOptions o = DeployOptions.defaults(DEVICE).withCompensation(c)
                .withMapping(MappingConfig.defaults().withEpsilon(0.001)).withThreads(1);
        return SamplingPathTest.runner(SamplingPathTest.layerOf(SamplingPathTest.grid()), o);
    }

    @Test
    void globalRescalingRestoresEveryProbabilityExactly() {
        DeploymentRunner r = runner(new GlobalReferenceRescaling(64));
        Deployment d = r.program(0);
        double[] p = SamplingPathTest.grid();
        for (double t : new double[] {20, 3600, 3.15e7, 1e7, 3.15e8}) {
            float[] q = r.core(d, 0, t).realisedProbabilities(0);
            for (int i = 0; i < p.length; i++) {
                assertThat((double) q[i]).as("t=%s p=%s", t, p[i]).isCloseTo(p[i], offset(1e-6));
            }
        }
    }

    @Test
    void withoutCompensationTheClosedFormDriftLossAppears() {
        DeploymentRunner r = runner(new NoCompensation());
        Deployment d = r.program(0);
        double t = 1e7;
        double f = DEVICE.factor(t);
        float[] q = r.core(d, 0, t).realisedProbabilities(0);
        float[] g = d.programmed(0);
        for (int i = 0; i < q.length; i++) {
            double expected = Gaussian.cdf((g[i] * f - G_REF) / (0.2 * g[i] * f));
            assertThat((double) q[i]).isCloseTo(expected, offset(1e-6));
        }
        // f = 0.54 at 1e7 s: a synapse mapped to p = 0.5 (g = G_ref) now almost never reads above G_ref.
        assertThat((double) q[49]).isLessThan(1e-3);
    }

    @Test
    void referenceCellDriftsWithTheArrayAndAddsItsReadNoise() {
        DeploymentRunner r = runner(new ReferenceCell());
        Deployment d = r.program(0);
        float[] g = d.programmed(0);
        // The synapses were mapped for reads at the design time (20 s), so the cell is placed to be at G_ref then:
        // both drift by the same factor, and q is the one at the design time whatever t.
        double f20 = DEVICE.factor(20);
        for (double t : new double[] {20, 1e7}) {
            float[] q = r.core(d, 0, t).realisedProbabilities(0);
            for (int i = 0; i < q.length; i++) {
                double gd = g[i] * f20;
                double expected = Gaussian.cdf((gd - G_REF) / (0.2 * Math.hypot(gd, G_REF)));
                assertThat((double) q[i]).isCloseTo(expected, offset(1e-6));
            }
        }
    }

    @Test
    void compensatedFrequenciesAtTenMillionSecondsStayInsideTheirBinomialIntervals() {
        double[] p = SamplingPathTest.grid();
        int reads = 10_000;
        DeploymentRunner comp = runner(new GlobalReferenceRescaling(64));
        Deployment d = comp.program(1);
        float[] q = comp.core(d, 1, 1e7).realisedProbabilities(0);
        double[] f = SamplingPathTest.frequencies(Realisation.literalSampler(d, 1e7), q, reads, 31);
        assertThat(SamplingPathTest.outside(f, reads, p)).isLessThanOrEqualTo(1);

        DeploymentRunner none = runner(new NoCompensation());
        Deployment d2 = none.program(1);
        float[] q2 = none.core(d2, 1, 1e7).realisedProbabilities(0);
        double[] f2 = SamplingPathTest.frequencies(Realisation.literalSampler(d2, 1e7), q2, reads, 31);
        assertThat(SamplingPathTest.outside(f2, reads, p)).isGreaterThan(80);
    }

    @Test
    void atTheDesignTimeGlobalCompensationChangesNothingAndLaterFollowsTheReferenceDevices() {
        // Issue 13: the mapping targets p as read at the design time, so the compensated reference must be G_ref then.
        org.bayes2imc.device.IbmPcmModel ibm = new org.bayes2imc.device.IbmPcmModel();
        double design = 3600;
        DeployOptions o = DeployOptions.defaults(ibm).withMappingSeconds(design).withThreads(1);
        BbnnModel m = SamplingPathTest.layerOf(SamplingPathTest.grid());
        DeploymentRunner none = SamplingPathTest.runner(m, o.withCompensation(new NoCompensation()));
        DeploymentRunner global = SamplingPathTest.runner(m, o.withCompensation(new GlobalReferenceRescaling(64)));
        Deployment dn = none.program(2);
        Deployment dg = global.program(2);
        assertThat(dg.programmed(0)).containsExactly(dn.programmed(0));
        assertThat(global.core(dg, 2, design).realisedProbabilities(0)).containsExactly(
                none.core(dn, 2, design).realisedProbabilities(0));
        assertThat(dg.references(0).at(design).mean(0)).isCloseTo(G_REF, offset(1e-12));
        assertThat(dg.references(0).at(1e7).mean(0)).isLessThan(0.8 * G_REF);
    }

    @Test
    void lambdaGridIsWhatTheLayerHolds() {
        BbnnModel m = SamplingPathTest.layerOf(SamplingPathTest.grid());
        assertThat(BbnnModel.probabilityPlusOne(m.lambda(0)[9])).isCloseTo(0.10, offset(1e-6));
    }
}
