package org.bayes2imc.infer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerSpec;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Int8Layers#codes} gives, in the layout the layer's kernel reads, exactly
 * {@link UniformActivationQuantiser#code} of every input: on grid values, exact ties, values outside the range, signed
 * zeros, infinities and NaN.
 */
class Int8CodesProperties {

    @Property(tries = 60)
    void codesEqualTheScalarRule(@ForAll @IntRange(min = 0, max = 1) int fc, @ForAll @IntRange(min = 1, max = 3) int batch,
                                 @ForAll @IntRange(min = -4, max = 3) int stepExponent, @ForAll long seed) {
        // a conv layer (3 channels of 4×6, NHWC codes) and the FC layer after its pool (flat codes)
        Architecture a = Architecture.of("codes", "3-M:7", 3, 4, 6, 2);
        LayerSpec layer = fc == 1 ? a.layer(1) : a.layer(0);
        int index = fc == 1 ? 1 : 0;
        float step = Math.scalb(1f, stepExponent);
        float hi = 255 * step;
        float[] low = new float[a.depth()];
        float[] high = new float[a.depth()];
        java.util.Arrays.fill(high, hi);
        UniformActivationQuantiser qz = new UniformActivationQuantiser(8, low, high);
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[batch * layer.inputSize()];
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -step, hi, hi + step,
                Math.nextUp(hi), Float.MIN_VALUE};
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (r.nextInt(4)) {
                case 0 -> specials[r.nextInt(specials.length)];
                case 1 -> (r.nextInt(256) + 0.5f) * step; // exactly halfway between two codes
                case 2 -> r.nextInt(256) * step;
                default -> (float) ((r.nextDouble() * 1.2 - 0.1) * hi);
            };
        }
        byte[] codes = Int8Layers.codes(layer, qz, index, x, batch);
        float inv = 1f / qz.step(index);
        int c = layer.inChannels();
        int plane = layer.inHeight() * layer.inWidth();
        for (int i = 0; i < x.length; i++) {
            int b = i / layer.inputSize();
            int within = i % layer.inputSize();
            int at = fc == 1 ? i : b * layer.inputSize() + (within % plane) * c + within / plane;
            assertThat(codes[at] & 0xFF).as("input %d = %s", i, x[i])
                    .isEqualTo(UniformActivationQuantiser.code(x[i], 0f, hi, inv));
        }
    }
}
