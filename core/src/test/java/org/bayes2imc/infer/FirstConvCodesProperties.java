package org.bayes2imc.infer;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first conv layer straight to the next layer's codes ({@link FirstConvCodes}) gives the float path's bits —
 * {@link LayerForward#forward} on the quantised signed input, then {@link Int8Layers#codes} — on random layers whose
 * inputs sit on a non-dyadic grid (where summation order shows), with and without pooling, for conv and FC next layers.
 */
class FirstConvCodesProperties {

    @Property(tries = 40)
    void codesEqualTheFloatPath(@ForAll @IntRange(min = 1, max = 3) int in, @ForAll @IntRange(min = 1, max = 40) int out,
                                @ForAll @IntRange(min = 2, max = 7) int half, @ForAll boolean pool, @ForAll boolean fcNext,
                                @ForAll boolean relu, @ForAll @IntRange(min = 1, max = 5) int batch,
                                @ForAll @IntRange(min = 1, max = 3) int members, @ForAll long seed) {
        Assume.that(OneDnn.available());
        SplittableRandom r = new SplittableRandom(seed);
        int size = 2 * half;
        LayerSpec layer = new LayerSpec(0, LayerKind.CONV, in, out, 3, 1, size, size, pool, relu, 1e-5, 0.1);
        int next = layer.outputSize();
        int side = pool ? half : size;
        LayerSpec nextLayer = fcNext ? new LayerSpec(1, LayerKind.FC, next, 5, 1, 0, 1, 1, false, true, 1e-5, 0.1)
                : new LayerSpec(1, LayerKind.CONV, out, 4, 3, 1, side, side, false, true, 1e-5, 0.1);
        float low = (float) (-0.2 - r.nextDouble());
        float high = (float) (0.5 + 3 * r.nextDouble());
        float nextHigh = 255f * Math.scalb(1f, -r.nextInt(4, 9));
        UniformActivationQuantiser qz = new UniformActivationQuantiser(8, new float[] {low, 0f},
                new float[] {high, nextHigh});
        float[] x = new float[batch * layer.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (low - 0.1 + (high - low + 0.2) * r.nextDouble());
        }
        float[] xq = qz.quantise(0, x, batch);
        float[] mean = new float[out];
        float[] var = new float[out];
        for (int c = 0; c < out; c++) {
            mean[c] = (float) (r.nextGaussian() * 3);
            var[c] = (float) (9 * (0.05 + r.nextDouble()));
        }
        FirstConvCodes kernel = FirstConvCodes.of(layer, mean, var, nextLayer, nextHigh, 1f / qz.step(1)).orElseThrow();
        float[][] shifted = kernel.shifted(xq, batch);
        for (int m = 0; m < members; m++) {
            byte[] w = new byte[Math.toIntExact(layer.weightCount())];
            float[] wf = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (byte) (r.nextBoolean() ? 1 : -1);
                wf[i] = w[i];
            }
            float[] y = LayerForward.forward(layer, wf, mean, var, xq, batch);
            assertThat(kernel.codes(w, shifted, batch)).isEqualTo(Int8Layers.codes(nextLayer, qz, 1, y, batch));
        }
    }

    /**
     * The all-members form ({@link FirstConvCodes#members}) gives each member exactly its own {@code codes}, whether a
     * channel's filter is shared by all, some or none of the members (so that the common codes, the kept planes, the
     * cap on them and the per-member fallback all run), asked for in any order; and it counts the distinct filters.
     */
    @Property(tries = 40)
    void sharedFiltersGiveEachMembersOwnCodes(@ForAll @IntRange(min = 1, max = 2) int in,
                                              @ForAll @IntRange(min = 1, max = 12) int out,
                                              @ForAll @IntRange(min = 2, max = 5) int half, @ForAll boolean pool,
                                              @ForAll boolean fcNext, @ForAll @IntRange(min = 1, max = 3) int batch,
                                              @ForAll @IntRange(min = 1, max = 12) int members,
                                              @ForAll @IntRange(min = 0, max = 100) int newFilterPercent,
                                              @ForAll long seed) {
        Assume.that(OneDnn.available());
        SplittableRandom r = new SplittableRandom(seed);
        int size = 2 * half;
        LayerSpec layer = new LayerSpec(0, LayerKind.CONV, in, out, 3, 1, size, size, pool, true, 1e-5, 0.1);
        int side = pool ? half : size;
        LayerSpec nextLayer = fcNext ? new LayerSpec(1, LayerKind.FC, layer.outputSize(), 5, 1, 0, 1, 1, false, true, 1e-5, 0.1)
                : new LayerSpec(1, LayerKind.CONV, out, 4, 3, 1, side, side, false, true, 1e-5, 0.1);
        UniformActivationQuantiser qz = new UniformActivationQuantiser(8, new float[] {-0.7f, 0f},
                new float[] {1.3f, 255f / 32});
        float[] x = new float[batch * layer.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (-0.8 + 2.2 * r.nextDouble());
        }
        float[] mean = new float[out];
        float[] var = new float[out];
        for (int c = 0; c < out; c++) {
            mean[c] = (float) r.nextGaussian();
            var[c] = (float) (layer.fanIn() * (0.05 + r.nextDouble()));
        }
        FirstConvCodes kernel = FirstConvCodes.of(layer, mean, var, nextLayer, qz.high()[1], 1f / qz.step(1)).orElseThrow();
        float[][] shifted = kernel.shifted(qz.quantise(0, x, batch), batch);
        int fan = layer.fanIn();
        byte[][] w = new byte[members][out * fan];
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int m = 0; m < members; m++) {
            for (int o = 0; o < out; o++) {
                if (m == 0 || r.nextInt(100) < newFilterPercent) {
                    for (int i = 0; i < fan; i++) {
                        w[m][o * fan + i] = (byte) (r.nextBoolean() ? 1 : -1);
                    }
                } else {
                    System.arraycopy(w[r.nextInt(m)], o * fan, w[m], o * fan, fan);
                }
                distinct.add(o + ":" + java.util.Arrays.toString(java.util.Arrays.copyOfRange(w[m], o * fan, (o + 1) * fan)));
            }
        }
        FirstConvCodes.Members all = kernel.members(w, shifted, batch);
        assertThat(all.distinctFilters()).isEqualTo(distinct.size());
        for (int m = members - 1; m >= 0; m--) {
            assertThat(all.codes(m)).as("member " + m).isEqualTo(kernel.codes(w[m], shifted, batch));
        }
    }

    @Property(tries = 3)
    void theDemoNetworksFirstLayersHaveTheKernel(@ForAll @IntRange(min = 0, max = 2) int network) {
        Assume.that(OneDnn.available());
        String name = new String[] {Architectures.FMNIST_SMALL, Architectures.FMNIST_TINY, Architectures.VGG_BINARYCONNECT}[network];
        var a = Architectures.parse(name);
        int out = a.layer(0).outChannels();
        float[] var = new float[out];
        java.util.Arrays.fill(var, 1f);
        assertThat(FirstConvCodes.of(a.layer(0), new float[out], var, a.layer(1), 15.9375f, 16f)).as(name).isPresent();
    }
}
