package org.bayes2imc.imc;

import org.bayes2imc.study.DeploymentRunner;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.infer.OneDnn;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SparsityMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The exact integer kernels give the float kernels' logits bit for bit, on every plan the engine makes. */
class Int8KernelTest {
    static Dataset test;
    static BbnnModel scattered;
    static BbnnModel rows;
    /** Layer 0 deterministic: the members start at conv layer 1, an integer layer that starts a oneDNN run. */
    static BbnnModel fixedFirst;

    @BeforeAll
    static void setUp() {
        assumeThat(OneDnn.available()).as(String.valueOf(OneDnn.unavailableReason())).isTrue();
        test = TestData.fashionTest(150);
        scattered = HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.3, 5, TestData.fashionTrain(200));
        rows = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4, TestData.fashionTrain(100));
        fixedFirst = HandmadeModels.withFixedFirstLayers(Architectures.parse(Architectures.FMNIST_TINY), 1, 0.3, 6,
                TestData.fashionTrain(100));
    }

    private static float[][] logits(BbnnModel m, DeployOptions o) {
        DeploymentRunner r = new DeploymentRunner(m, o);
        r.calibrateActivations(test);
        DeployedCore core = r.core(0, 3600.0);
        assertThat(core.kernel()).isEqualTo(o.kernel() == KernelChoice.FLOAT ? "float" : "int8");
        return r.logits(core, test.slice(0, 130), Progress.NONE).members();
    }

    @Test
    void integerAndFloatKernelsAgreeBitForBitOnEveryPlan() {
        for (BbnnModel m : new BbnnModel[] {scattered, rows, fixedFirst}) {
            for (SparsityMode s : SparsityMode.values()) {
                for (boolean reuse : new boolean[] {true, false}) {
                    DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(3)
                            .withThreads(2).withSparsity(s).withReuseDeterministic(reuse).withChunkImages(32);
                    float[][] f = logits(m, o.withKernel(KernelChoice.FLOAT));
                    float[][] i = logits(m, o.withKernel(KernelChoice.INT8));
                    assertThat(i).as(s.label() + " reuse=" + reuse).isDeepEqualTo(f);
                }
            }
        }
    }

    @Test
    void membersStartingAtAnIntegerConvLayerAgreeWithTheFloatKernels() {
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(3).withThreads(2)
                .withSparsity(SparsityMode.NONE).withChunkImages(32);
        DeploymentRunner r = new DeploymentRunner(fixedFirst, o.withKernel(KernelChoice.INT8));
        r.calibrateActivations(test);
        // the case this model is for: a shared conv layer 0, then every member from conv layer 1 on
        assertThat(r.core(0, 3600.0).firstMemberLayer()).isEqualTo(1);
        assertThat(logits(fixedFirst, o.withKernel(KernelChoice.INT8)))
                .isDeepEqualTo(logits(fixedFirst, o.withKernel(KernelChoice.FLOAT)));
    }

    @Test
    void integerKernelsGiveTheSameBitsAtOneAndTwoThreads() {
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(4)
                .withKernel(KernelChoice.INT8).withSparsity(SparsityMode.LS_RS);
        assertThat(logits(rows, o.withThreads(1))).isDeepEqualTo(logits(rows, o.withThreads(2)));
    }

    @Test
    void floatActivationsCannotUseTheIntegerKernels() {
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withActivationBits(0);
        DeploymentRunner r = new DeploymentRunner(scattered, o.withKernel(KernelChoice.INT8));
        r.calibrateActivations(test);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.core(0, 20.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel int8");
        DeploymentRunner auto = new DeploymentRunner(scattered, o);
        auto.calibrateActivations(test);
        assertThat(auto.core(0, 20.0).kernel()).isEqualTo("float");
    }
}
