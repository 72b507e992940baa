package org.bayes2imc.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import org.bayes2imc.infer.BatchNormStats;
import org.bayes2imc.infer.NetworkForward;
import org.bayes2imc.infer.WeightSampler;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pure-Java inference path against the DJL/PyTorch forward pass on the same sampled ±1 weights (issue 2 item 7):
 * conv2d(pad 1, no bias) → max-pool 2 → batch-norm (running statistics, no affine) → ReLU, flatten, linear.
 * Lives here because cli is the module that sees both core and the DJL training module.
 */
class ForwardParityWithDjlTest {

    @ParameterizedTest
    @ValueSource(strings = {"custom:2x6x6:3:4-M-5:7", "fmnist-tiny"})
    void javaForwardMatchesPytorch(String spec) {
        Architecture a = Architectures.parse(spec);
        SplittableRandom rng = new SplittableRandom(3);
        int n = a.depth();
        float[][] w = new float[n][];
        float[][] mean = new float[n][];
        float[][] var = new float[n][];
        for (int i = 0; i < n; i++) {
            LayerSpec l = a.layer(i);
            float[] lam = new float[(int) l.weightCount()];
            for (int j = 0; j < lam.length; j++) {
                lam[j] = (float) rng.nextGaussian();
            }
            w[i] = WeightSampler.sample(WeightSampler.probabilities(lam), 11, 0, i, 0);
            mean[i] = new float[l.outChannels()];
            var[i] = new float[l.outChannels()];
            for (int c = 0; c < l.outChannels(); c++) {
                mean[i][c] = (float) (rng.nextGaussian() * Math.sqrt(l.fanIn()) * 0.3);
                var[i][c] = (float) (l.fanIn() * (0.5 + rng.nextDouble()));
            }
        }
        int batch = 6;
        float[] input = new float[batch * a.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) rng.nextGaussian();
        }
        float[] ours = NetworkForward.run(a, new BatchNormStats(mean, var), w, input, batch);

        float[] theirs;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(input, new Shape(batch, a.channels(), a.height(), a.width()));
            for (int i = 0; i < n; i++) {
                LayerSpec l = a.layer(i);
                NDArray weight = m.create(w[i], new Shape(l.weightShape()));
                if (l.kind() == LayerKind.CONV) {
                    x = Conv2d.conv2d(x, weight, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                    if (l.maxPool()) {
                        x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                    }
                } else {
                    x = Linear.linear(x.reshape(batch, l.inChannels()), weight).singletonOrThrow();
                }
                NDArray ones = m.ones(new Shape(l.outChannels()));
                NDArray zeros = m.zeros(new Shape(l.outChannels()));
                x = BatchNorm.batchNorm(x, m.create(mean[i]), m.create(var[i]), ones, zeros, 1, 0.1f,
                        (float) l.bnEps(), false).singletonOrThrow();
                if (l.relu()) {
                    x = Activation.relu(x);
                }
            }
            theirs = x.toFloatArray();
        }
        assertThat(theirs).hasSameSizeAs(ours);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).as("logit %d", i).isCloseTo(theirs[i], within(1e-4f * (1 + Math.abs(theirs[i]))));
        }
    }
}
