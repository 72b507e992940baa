package org.bayes2imc.imc;

import org.bayes2imc.random.CounterRandom;

import org.bayes2imc.study.DeploymentRunner;
import org.bayes2imc.device.BinomialInterval;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.IdealDevice;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The sense-amplifier sampling path: realised probabilities against targets, literal reads against Bernoulli draws. */
class SamplingPathTest {

    /** One FC layer holding the given probabilities (1 input × n outputs), then a 2-class classifier. */
    static BbnnModel layerOf(double[] p) {
        Architecture a = Architecture.of("grid", ":" + p.length, 1, 1, 1, 2);
        BbnnModel m = BbnnModel.zeros(a);
        for (int i = 0; i < p.length; i++) {
            m.lambda(0)[i] = (float) BbnnModel.lambdaFor(p[i]);
        }
        return m;
    }

    static double[] grid() {
        double[] p = new double[99];
        for (int i = 0; i < 99; i++) {
            p[i] = (i + 1) / 100.0;
        }
        return p;
    }

    static DeploymentRunner runner(BbnnModel m, DeployOptions o) {
        DeploymentRunner r = new DeploymentRunner(m, o.withActivationBits(0));
        r.calibrateActivations(new org.bayes2imc.data.Dataset("x", 1, 1, 1, 2, new float[] {0.5f}, new int[] {0}));
        return r;
    }

    /** Frequencies of +1 over {@code reads} draws of layer 0 through a sampler. */
    static double[] frequencies(SynapseSampler s, float[] q, int reads, long seed) {
        long[] plus = new long[q.length];
        float[] w = new float[q.length];
        for (int r = 0; r < reads; r++) {
            s.draw(0, null, q, new SplittableRandom(CounterRandom.key(seed, r)), w);
            for (int i = 0; i < q.length; i++) {
                if (w[i] > 0) {
                    plus[i]++;
                }
            }
        }
        double[] f = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            f[i] = plus[i] / (double) reads;
        }
        return f;
    }

    static int outside(double[] freq, int reads, double[] expected) {
        int bad = 0;
        for (int i = 0; i < freq.length; i++) {
            if (!BinomialInterval.wilson(Math.round(freq[i] * reads), reads, 0.999).contains(expected[i])) {
                bad++;
            }
        }
        return bad;
    }

    @Test
    void idealPathRealisesEveryTargetProbability() {
        double[] p = grid();
        for (SynapseEncoding enc : SynapseEncoding.values()) {
            DeployOptions o = DeployOptions.defaults(new IdealDevice()).withCompensation(new NoCompensation())
                    .withMapping(MappingConfig.defaults().withEncoding(enc).withEpsilon(0.001)).withThreads(1);
            DeployedCore core = runner(layerOf(p), o).core(0, 20.0);
            float[] q = core.realisedProbabilities(0);
            for (int i = 0; i < p.length; i++) {
                assertThat((double) q[i]).as("%s p=%s", enc, p[i]).isCloseTo(p[i], org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void ibmWithoutProgrammingNoiseSamplesTheGridWithinBinomialIntervals() {
        double[] p = grid();
        // Programming noise and drift off: the sense amplifier sees read noise only (issue 3 item 2).
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm", 0, 1, 0))
                .withCompensation(new NoCompensation()).withMapping(MappingConfig.defaults().withEpsilon(0.001))
                .withThreads(1);
        DeploymentRunner r = runner(layerOf(p), o);
        Deployment d = r.program(0);
        float[] q = r.core(d, 0, 20.0).realisedProbabilities(0);
        for (int i = 0; i < p.length; i++) {
            assertThat((double) q[i]).isCloseTo(p[i], org.assertj.core.data.Offset.offset(1e-5));
        }
        int reads = 10_000;
        double[] literal = frequencies(Realisation.literalSampler(d, 20.0), q, reads, 11);
        double[] bernoulli = frequencies(BernoulliSampler.INSTANCE, q, reads, 12);
        // 99 intervals at 99.9 %: expected 0.1 misses; allow 1.
        assertThat(outside(literal, reads, p)).isLessThanOrEqualTo(1);
        assertThat(outside(bernoulli, reads, p)).isLessThanOrEqualTo(1);
    }

    @Test
    void literalReadsAgreeWithRealisedProbabilitiesUnderFullNoiseDriftAndReferenceCells() {
        double[] p = grid();
        for (SynapseEncoding enc : SynapseEncoding.values()) {
            DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm"))
                    .withCompensation(new ReferenceCell()).withMapping(MappingConfig.defaults().withEncoding(enc))
                    .withThreads(1);
            DeploymentRunner r = runner(layerOf(p), o);
            Deployment d = r.program(3);
            double t = 86_400;
            float[] q = r.core(d, 3, t).realisedProbabilities(0);
            int reads = 4000;
            double[] literal = frequencies(Realisation.literalSampler(d, t), q, reads, 21);
            double[] expected = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                expected[i] = q[i];
            }
            assertThat(outside(literal, reads, expected)).as(enc.name()).isLessThanOrEqualTo(1);
        }
    }
}
