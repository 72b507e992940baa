package org.bayes2imc.infer;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels-last conv stack (blocks through every conv layer, pool + BatchNorm + ReLU fused) gives exactly the bits
 * of the layer-by-layer reference {@link LayerForward#forward}, on random networks, batches (full and tail blocks),
 * weights, inputs and BatchNorm statistics, from the first layer (one or more input channels) or from a middle one.
 */
class ChannelsLastConvStackProperties {

    @Property(tries = 40)
    void stackGivesTheLayerByLayerBits(@ForAll @IntRange(min = 1, max = 3) int channels,
                                       @ForAll @IntRange(min = 1, max = 3) int quarter,
                                       @ForAll @IntRange(min = 1, max = 24) int w1, @ForAll @IntRange(min = 1, max = 24) int w2,
                                       @ForAll @IntRange(min = 1, max = 24) int w3, @ForAll boolean pool1,
                                       @ForAll boolean pool3, @ForAll @IntRange(min = 1, max = 70) int batch,
                                       @ForAll boolean realWeights, @ForAll long seed) {
        Assume.that(OneDnn.available());
        int size = 4 * quarter;
        String widths = w1 + (pool1 ? "-M-" : "-") + w2 + "-" + w3 + (pool3 ? "-M" : "") + ":7";
        Architecture a = Architectures.parse("custom:" + channels + "x" + size + "x" + size + ":5:" + widths);
        SplittableRandom r = new SplittableRandom(seed);
        float[][] w = new float[a.depth()][];
        float[][] mean = new float[a.depth()][];
        float[][] var = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            LayerSpec l = a.layer(i);
            w[i] = new float[Math.toIntExact(l.weightCount())];
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = realWeights ? (float) r.nextGaussian() : r.nextBoolean() ? 1f : -1f;
            }
            mean[i] = new float[l.outChannels()];
            var[i] = new float[l.outChannels()];
            for (int c = 0; c < l.outChannels(); c++) {
                // a few means of exactly 0 so that BatchNorm meets exact zeros too
                mean[i][c] = r.nextInt(4) == 0 ? 0f : (float) (r.nextGaussian() * Math.sqrt(l.fanIn()));
                var[i][c] = (float) (l.fanIn() * (0.05 + r.nextDouble()));
            }
        }
        BatchNormStats bn = new BatchNormStats(mean, var);
        float[] x = new float[batch * a.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(5) == 0 ? 0f : (float) r.nextGaussian();
        }
        int convs = 0;
        while (a.layer(convs).kind() == LayerKind.CONV) {
            convs++;
        }
        assertThat(convs).isEqualTo(3);

        float[][] reference = new float[a.depth() + 1][];
        reference[0] = x;
        for (int i = 0; i < a.depth(); i++) {
            reference[i + 1] = LayerForward.forward(a.layer(i), w[i], mean[i], var[i], reference[i], batch);
        }
        for (int from = 0; from < convs; from++) {
            if (ChannelsLastConvStack.supports(a, from, convs, batch)) {
                float[] stack = ChannelsLastConvStack.forward(a, bn, w, reference[from], batch, from, convs);
                assertThat(stack).as("conv layers [%d, %d)", from, convs).containsExactly(reference[convs]);
            }
            float[] net = NetworkForward.run(a, bn, w, reference[from], batch, from, a.depth());
            assertThat(net).as("network from layer %d", from).containsExactly(reference[a.depth()]);
        }
    }

    /** Where oneDNN's NCHW convolution is its wrapper of an NHWC kernel (as on AVX-512 machines), the stack is used. */
    @Test
    void fmnistSmallRunsOnTheStackWhereOneDnnWrapsNhwc() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OneDnn.available());
        Architecture a = Architectures.parse(Architectures.FMNIST_SMALL);
        ConvShape shape = ConvShape.of(a.layer(1), LayerForward.CONV_BLOCK);
        String nchw = OneDnn.implementation(shape.describe(org.bytedeco.dnnl.global.dnnl.dnnl_f32,
                org.bytedeco.dnnl.global.dnnl.dnnl_f32, org.bytedeco.dnnl.global.dnnl.dnnl_f32,
                org.bytedeco.dnnl.global.dnnl.dnnl_nchw, "f32").primitive());
        org.junit.jupiter.api.Assumptions.assumeTrue(nchw.startsWith("jit_uni_ncsp:conv+"), nchw);
        assertThat(ChannelsLastConvStack.supports(a, 0, 4, 100)).isTrue();
        assertThat(ChannelsLastConvStack.supports(a, 1, 4, 7)).isTrue();
        assertThat(ChannelsLastConvStack.supports(a, 0, 5, 100)).as("an FC layer is not a conv run").isFalse();
    }

    @Test
    void channelsLastRoundTripMovesEveryValue() {
        int m = 2;
        int c = 3;
        int p = 4;
        float[] src = new float[m * c * p];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        java.nio.FloatBuffer buffer = java.nio.FloatBuffer.allocate(src.length);
        ChannelsLastConvStack.toChannelsLast(src, 0, m, c, p, buffer);
        float[] dst = buffer.array();
        // image 1, channel 2, position 3 sits at [1][3][2]
        assertThat(dst[1 * c * p + 3 * c + 2]).isEqualTo(src[1 * c * p + 2 * p + 3]);
        assertThat(dst).containsExactlyInAnyOrder(src);
    }
}
