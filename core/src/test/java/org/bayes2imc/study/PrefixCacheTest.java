package org.bayes2imc.study;

import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.Deployment;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.IbmPcmModel;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SparsityMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Reusing the deterministic prefix across deployments and times changes no number. */
class PrefixCacheTest {
    @Test
    void cachedPrefixGivesBitIdenticalLogitsAcrossDeploymentsAndTimes() {
        BbnnModel m = HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 3, TestData.fashionTrain(100));
        Dataset test = TestData.fashionTest(96);
        DeployOptions o = DeployOptions.defaults(new IbmPcmModel()).withSamples(3).withDeployments(2)
                .withSparsity(SparsityMode.LS).withFirstEnsemblingLayer(2).withThreads(2).withSeed(5);
        DeploymentRunner cached = new DeploymentRunner(m, o);
        cached.calibrateActivations(test);
        for (int k = 0; k < 2; k++) {
            Deployment d = cached.program(k);
            for (double t : new double[] {20, 3.15e7}) {
                float[][] viaCache = cached.logits(cached.core(d, k, t), test, Progress.NONE).members();
                // a fresh runner has an empty cache, so it computes the prefix itself
                DeploymentRunner fresh = new DeploymentRunner(m, o);
                fresh.calibrateActivations(test);
                float[][] direct = fresh.logits(fresh.core(fresh.program(k), k, t), test, Progress.NONE).members();
                assertThat(viaCache).isDeepEqualTo(direct);
                assertThat(cached.cachedPrefixChunks(test)).as("prefix reused").isPositive();
            }
        }
    }

    /**
     * The integer kernels keep the prefix as the first member layer's codes across deployments; those give the float
     * kernels' logits bit for bit, deployment after deployment.
     */
    @Test
    void cachedPrefixCodesGiveTheFloatKernelsLogits() {
        assumeThat(org.bayes2imc.infer.OneDnn.available()).as(String.valueOf(org.bayes2imc.infer.OneDnn.unavailableReason()))
                .isTrue();
        BbnnModel m = HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4, TestData.fashionTrain(100));
        Dataset test = TestData.fashionTest(96);
        DeployOptions o = DeployOptions.defaults(new IbmPcmModel()).withSamples(3).withDeployments(3)
                .withSparsity(SparsityMode.LS).withFirstEnsemblingLayer(2).withThreads(2).withSeed(6)
                .withChunkImages(32);
        DeploymentRunner integer = new DeploymentRunner(m, o.withKernel(org.bayes2imc.imc.KernelChoice.INT8));
        DeploymentRunner real = new DeploymentRunner(m, o.withKernel(org.bayes2imc.imc.KernelChoice.FLOAT));
        integer.calibrateActivations(test);
        real.calibrateActivations(test);
        for (int k = 0; k < 3; k++) {
            float[][] viaCodes = integer.logits(integer.core(integer.program(k), k, 20.0), test, Progress.NONE).members();
            float[][] viaFloats = real.logits(real.core(real.program(k), k, 20.0), test, Progress.NONE).members();
            assertThat(viaCodes).as("deployment " + k).isDeepEqualTo(viaFloats);
        }
        assertThat(integer.cachedPrefixChunks(test)).as("prefix kept").isEqualTo(3);
    }
}
