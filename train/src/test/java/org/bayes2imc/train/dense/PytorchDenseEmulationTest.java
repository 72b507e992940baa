package org.bayes2imc.train.dense;

import org.bayes2imc.bench.BenchModels;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.ModelInputs;
import org.bayes2imc.infer.SoftwareSamplingSemantics;
import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.infer.UniformActivationQuantiser;
import org.bayes2imc.infer.WeightDraw;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PyTorch dense emulation against the pure-Java ensemble on the same per-(member, layer, chunk) weight draws,
 * on real Fashion-MNIST test images through fmnist-tiny with BatchNorm statistics measured on real training images.
 */
class PytorchDenseEmulationTest {
    static BbnnModel model;
    static Dataset test;
    static float[] x;

    @BeforeAll
    static void setUp() {
        Architecture a = Architectures.parse(Architectures.FMNIST_TINY);
        model = BenchModels.of(a, new double[] {0.2, 0.2, 0.4, 0.4}, 7, TestData.fashionTrain(200));
        test = TestData.fashionTest(70);
        x = ModelInputs.normalised(model, test);
    }

    @Test
    void floatLogitsEqualTheJavaForwardOnTheSameWeights() {
        Architecture a = model.architecture();
        WeightDraw draw = WeightDraw.sampled(model, 42);
        int members = 3;
        int chunk = 32; // 70 images: chunks of 32, 32, 6 (a ragged last batch)
        float[][] ours = SoftwareEnsemble.memberLogits(a, BatchNormStats.of(model), draw, null, x, test.size(),
                new SoftwareEnsemble.Settings(members, 42, SoftwareSamplingSemantics.PER_CHUNK, chunk), Progress.NONE);
        float[][] torch = new PytorchDenseEmulation(a, BatchNormStats.of(model), null, chunk)
                .memberLogits(draw, x, test.size(), members);
        for (int s = 0; s < members; s++) {
            assertThat(torch[s]).hasSameSizeAs(ours[s]);
            for (int i = 0; i < ours[s].length; i++) {
                assertThat(torch[s][i]).as("member %d logit %d", s, i)
                        .isCloseTo(ours[s][i], within(1e-4f * (1 + Math.abs(ours[s][i]))));
            }
        }
        // the draws really differ between members and chunks (else the check above would be weaker than it looks)
        assertThat(draw.weights(0, 2, 0)).isNotEqualTo(draw.weights(1, 2, 0));
        assertThat(draw.weights(0, 2, 0)).isNotEqualTo(draw.weights(0, 2, 1));
    }

    @Test
    void quantisedLogitsAgreeWithTheJavaForward() {
        Architecture a = model.architecture();
        BatchNormStats bn = BatchNormStats.of(model);
        float[][] mode = new float[a.depth()][];
        for (int l = 0; l < a.depth(); l++) {
            mode[l] = WeightSampler.mode(model.lambda(l));
        }
        UniformActivationQuantiser q = UniformActivationQuantiser.calibrated(8, a, bn, mode, x, test.size());
        WeightDraw draw = WeightDraw.sampled(model, 5);
        float[][] ours = SoftwareEnsemble.memberLogits(a, bn, draw, q, x, test.size(),
                new SoftwareEnsemble.Settings(2, 5, SoftwareSamplingSemantics.PER_CHUNK, 64), Progress.NONE);
        float[][] torch = new PytorchDenseEmulation(a, bn, q, 64).memberLogits(draw, x, test.size(), 2);
        // the same k-bit grid: summation-order rounding may move a value across a rounding boundary very rarely
        int close = 0;
        int total = 0;
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < ours[s].length; i++) {
                close += Math.abs(ours[s][i] - torch[s][i]) <= 1e-3f * (1 + Math.abs(ours[s][i])) ? 1 : 0;
                total++;
            }
        }
        assertThat((double) close / total).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void rejectsBadSettings() {
        Architecture a = model.architecture();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PytorchDenseEmulation(a, BatchNormStats.of(model), null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PytorchDenseEmulation(a, BatchNormStats.of(model), null, 8)
                        .memberLogits(WeightDraw.mode(model), x, 8, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples must");
    }
}
