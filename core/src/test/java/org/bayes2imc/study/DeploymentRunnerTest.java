package org.bayes2imc.study;

import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployReport;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.SamplerDesign;
import org.bayes2imc.imc.ReadNoiseMode;
import org.bayes2imc.imc.CoreSamplingSemantics;

import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.IdealDevice;
import org.bayes2imc.metrics.EnsembleLogits;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-network deployments on real Fashion-MNIST images with a handmade fmnist-tiny model. */
class DeploymentRunnerTest {
    static Dataset test;
    static BbnnModel model;

    @BeforeAll
    static void setUp() {
        test = TestData.fashionTest(500);
        model = HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.3, 5, TestData.fashionTrain(200));
    }

    private static int[] predictions(EnsembleLogits e) {
        int c = e.classes();
        int n = e.images();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double[] prob = new double[c];
            for (float[] m : e.members()) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    max = Math.max(max, m[i * c + k]);
                }
                double z = 0;
                for (int k = 0; k < c; k++) {
                    z += Math.exp(m[i * c + k] - max);
                }
                for (int k = 0; k < c; k++) {
                    prob[k] += Math.exp(m[i * c + k] - max) / z;
                }
            }
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (prob[k] > prob[best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Paired comparison of two predictors on the same images: the difference in correct counts (n10 − n01) is within
     * 4 standard deviations √(n10 + n01) of 0, as under equal accuracy (McNemar).
     */
    private static void assertSameAccuracy(EnsembleLogits a, EnsembleLogits b, int[] labels) {
        int[] pa = predictions(a);
        int[] pb = predictions(b);
        int n10 = 0;
        int n01 = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean ca = pa[i] == labels[i];
            boolean cb = pb[i] == labels[i];
            if (ca && !cb) {
                n10++;
            } else if (cb && !ca) {
                n01++;
            }
        }
        assertThat((double) Math.abs(n10 - n01)).as("n10=%d n01=%d", n10, n01)
                .isLessThanOrEqualTo(4 * Math.sqrt(n10 + n01) + 1);
    }

    @Test
    void idealHardwareEnsembleEqualsTheSoftwareEnsembleStatistically() {
        // Ideal device: no programming noise, no drift: the sense amplifier samples exactly p; float activations.
        DeployOptions o = DeployOptions.defaults(new IdealDevice()).withActivationBits(0).withSamples(10)
                .withDeployments(1).withThreads(2);
        DeploymentRunner r = new DeploymentRunner(model, o);
        r.calibrateActivations(test);
        EnsembleLogits hw = r.logits(r.core(0, 20.0), test, org.bayes2imc.io.Progress.NONE);
        EnsembleLogits sw = r.softwareLogits(test, org.bayes2imc.io.Progress.NONE);
        assertSameAccuracy(hw, sw, test.labels());
    }

    @Test
    void resultsAreBitIdenticalAtOneAndTwoThreads() {
        for (SparsityMode s : SparsityMode.values()) {
            DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(2).withDeployments(2)
                    .withSparsity(s).withChunkImages(16).withSeconds(3600);
            DeployReport one = run(o.withThreads(1));
            DeployReport two = run(o.withThreads(2));
            for (int k = 0; k < 2; k++) {
                float[][] a = one.deployments().get(k).logits().members();
                float[][] b = two.deployments().get(k).logits().members();
                assertThat(b).as("sparsity %s deployment %d", s, k).isDeepEqualTo(a);
            }
            assertThat(one.deployments().get(0).metrics().accuracy())
                    .isNotEqualTo(Double.NaN);
        }
    }

    private static DeployReport run(DeployOptions o) {
        Dataset images = test.slice(0, 48);
        return Study.builder().setModel(model).setTest(images).setCalibration(images).addConfiguration(o)
                .optKeepLogits(true).build().run(org.bayes2imc.io.Progress.NONE).deployReport();
    }

    @Test
    void sparsityAwareEvaluationMatchesTheFullEnsembleAndDoesLessMemberWork() {
        DeployOptions o = DeployOptions.defaults(new IdealDevice(0.3, 25.0)).withSamples(10).withDeployments(1)
                .withThreads(2).withFirstEnsemblingLayer(0);
        DeploymentRunner full = new DeploymentRunner(model, o);
        full.calibrateActivations(test);
        DeployedCore fullCore = full.core(0, 20.0);
        DeploymentRunner split = new DeploymentRunner(model, o.withSparsity(SparsityMode.LS_RS));
        split.calibrateActivations(test);
        DeployedCore splitCore = split.core(0, 20.0);
        assertThat(splitCore.layerPlans()).contains("split");
        assertThat(splitCore.sampledSynapsesPerMember()).isLessThan(fullCore.sampledSynapsesPerMember());
        EnsembleLogits a = full.logits(fullCore, test, org.bayes2imc.io.Progress.NONE);
        EnsembleLogits b = split.logits(splitCore, test, org.bayes2imc.io.Progress.NONE);
        assertSameAccuracy(a, b, test.labels());
    }

    @Test
    void deterministicModelIsComputedOnceAndEveryMemberAgrees() {
        BbnnModel det = HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.0, 9, TestData.fashionTrain(100));
        DeployOptions o = DeployOptions.defaults(new IdealDevice(0.3, 25.0)).withSamples(4).withThreads(1);
        DeploymentRunner r = new DeploymentRunner(det, o);
        r.calibrateActivations(test);
        DeployedCore core = r.core(0, 20.0);
        assertThat(core.layerPlans()).containsOnly("fixed");
        assertThat(core.memberMacsPerImage()).isZero();
        EnsembleLogits e = r.logits(core, test.slice(0, 50), org.bayes2imc.io.Progress.NONE);
        for (int s = 1; s < 4; s++) {
            assertThat(e.members()[s]).isEqualTo(e.members()[0]);
        }
    }

    @Test
    void reusingDeterministicLayersChangesNoResult() {
        BbnnModel rows = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4, TestData.fashionTrain(100));
        for (SparsityMode s : SparsityMode.values()) {
            DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(3).withThreads(2)
                    .withSparsity(s);
            DeploymentRunner reuse = new DeploymentRunner(rows, o);
            reuse.calibrateActivations(test);
            DeployedCore a = reuse.core(0, 20.0);
            DeploymentRunner naive = new DeploymentRunner(rows, o.withReuseDeterministic(false));
            naive.calibrateActivations(test);
            DeployedCore b = naive.core(0, 20.0);
            assertThat(a.firstMemberLayer()).isGreaterThan(0);
            assertThat(b.firstMemberLayer()).isZero();
            Dataset few = test.slice(0, 70);
            assertThat(naive.logits(b, few, org.bayes2imc.io.Progress.NONE).members())
                    .as(s.label()).isDeepEqualTo(reuse.logits(a, few, org.bayes2imc.io.Progress.NONE).members());
        }
    }

    @Test
    void frozenReadNoiseGivesEveryMemberTheSameWeights() {
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withReadNoise(ReadNoiseMode.FROZEN)
                .withSamples(3).withThreads(1);
        DeploymentRunner r = new DeploymentRunner(model, o);
        r.calibrateActivations(test);
        DeployedCore core = r.core(0, 20.0);
        assertThat(core.layerPlans()).containsOnly("fixed");
        EnsembleLogits e = r.logits(core, test.slice(0, 20), org.bayes2imc.io.Progress.NONE);
        assertThat(e.members()[1]).isEqualTo(e.members()[0]);
        // another evaluation time freezes other reads
        DeployedCore later = r.core(r.program(0), 0, 3600.0);
        assertThat(later.realisedProbabilities(2)).isNotEqualTo(core.realisedProbabilities(2));
    }

    @Test
    void perReadSemanticsAndLiteralReadsRunOnSmallCases() {
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(2).withDeployments(1)
                .withThreads(1).withSemantics(CoreSamplingSemantics.PER_READ).withLiteralReads(true);
        DeploymentRunner r = new DeploymentRunner(model, o);
        r.calibrateActivations(test);
        EnsembleLogits e = r.logits(r.core(0, 20.0), test.slice(0, 4), org.bayes2imc.io.Progress.NONE);
        assertThat(e.images()).isEqualTo(4);
        assertThat(e.members()[0]).isNotEqualTo(e.members()[1]);
    }

    @Test
    void sramDesignUsesTheLfsrAndRuns() {
        DeployOptions o = DeployOptions.defaults(new IdealDevice()).withDesign(SamplerDesign.SRAM).withSamples(4).withDeployments(2)
                .withThreads(1);
        Dataset images = test.slice(0, 200);
        DeployReport rep = Study.builder().setModel(model).setTest(images).setCalibration(images).addConfiguration(o)
                .build().run(org.bayes2imc.io.Progress.NONE).deployReport();
        assertThat(rep.deployments()).hasSize(2);
        assertThat(rep.spread(org.bayes2imc.metrics.Metric.ACCURACY).mean()).isBetween(0.0, 1.0);
        assertThat(rep.hardware().accuracy().mean()).isBetween(0.0, 1.0);
    }
}
