package org.bayes2imc.infer;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of int8 conv layers on oneDNN with the post-linear steps as post-ops and pooling on the codes
 * ({@link Int8ConvChain}) gives the float path's bits — {@link LayerForward#forward} layer by layer on the quantised
 * input, each output quantised by {@link Int8Layers#codes} — and the Java fused path's, on random runs with and
 * without pooling (odd planes unpooled), conv and FC next layers, several members on one run and any block size; in
 * "ties" cases 1/σ and the mean are chosen so that every other value lands exactly halfway between two codes.
 */
class Int8ConvChainProperties {

    private record Run(LayerSpec[] layers, LayerSpec next, float[] steps, float[][] mean, float[][] var) {
        /** Layer i's input quantiser range [0, 255·step_i]; the next layer's is the last entry. */
        UniformActivationQuantiser quantiser() {
            float[] lo = new float[steps.length];
            float[] hi = new float[steps.length];
            for (int i = 0; i < steps.length; i++) {
                hi[i] = 255f * steps[i];
            }
            return new UniformActivationQuantiser(8, lo, hi);
        }

        Int8Layers.Post post(int i) {
            LayerSpec nx = i + 1 < layers.length ? layers[i + 1] : next;
            return new Int8Layers.Post(layers[i], steps[i], mean[i], var[i], nx, 255f * steps[i + 1], 1f / steps[i + 1]);
        }

        Int8Layers.Post[] posts() {
            Int8Layers.Post[] p = new Int8Layers.Post[layers.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = post(i);
            }
            return p;
        }
    }

    private static Run randomRun(SplittableRandom r, int depth, int size, boolean fcNext, boolean ties) {
        LayerSpec[] layers = new LayerSpec[depth];
        float[] steps = new float[depth + 1];
        float[][] mean = new float[depth][];
        float[][] var = new float[depth][];
        int channels = r.nextInt(1, 6);
        int side = size;
        steps[0] = Math.scalb(1f, -r.nextInt(1, 8));
        for (int i = 0; i < depth; i++) {
            int out = r.nextInt(1, 40);
            int kernel = r.nextBoolean() ? 3 : 1;
            boolean pool = side % 2 == 0 && r.nextBoolean();
            layers[i] = new LayerSpec(i + 1, LayerKind.CONV, channels, out, kernel, kernel / 2, side, side, pool,
                    r.nextBoolean(), ties ? 0.0 : 1e-5, 0.1);
            steps[i + 1] = Math.scalb(1f, -r.nextInt(1, 9));
            mean[i] = new float[out];
            var[i] = new float[out];
            double scale = Math.sqrt(layers[i].fanIn()) * 128 * steps[i];
            for (int c = 0; c < out; c++) {
                if (ties) {
                    // 1/σ = 2^-k with step·2^-k·nextInv = 1/2, mean on the input grid: (sum − M)/2 levels, a tie
                    // whenever sum − M is odd
                    int k = Math.getExponent(steps[i]) - Math.getExponent(steps[i + 1]) + 1;
                    var[i][c] = Math.scalb(1f, 2 * k);
                    mean[i][c] = steps[i] * (r.nextInt(0, 2 * layers[i].fanIn() * 64) - layers[i].fanIn() * 64);
                } else {
                    mean[i][c] = (float) (r.nextGaussian() * scale);
                    var[i][c] = (float) (scale * scale * (0.05 + r.nextDouble()));
                }
            }
            channels = out;
            side = layers[i].outHeight();
        }
        LayerSpec last = layers[depth - 1];
        LayerSpec next = fcNext ? new LayerSpec(depth + 1, LayerKind.FC, last.outputSize(), 5, 1, 0, 1, 1, false, true, 1e-5, 0.1)
                : new LayerSpec(depth + 1, LayerKind.CONV, channels, 4, 3, 1, side, side, false, true, 1e-5, 0.1);
        return new Run(layers, next, steps, mean, var);
    }

    @Property(tries = 60)
    void runEqualsTheFloatPath(@ForAll @IntRange(min = 1, max = 3) int depth, @ForAll @IntRange(min = 1, max = 13) int size,
                               @ForAll boolean fcNext, @ForAll boolean ties, @ForAll @IntRange(min = 1, max = 7) int batch,
                               @ForAll @IntRange(min = 1, max = 8) int blockImages,
                               @ForAll @IntRange(min = 1, max = 3) int members, @ForAll long seed) {
        Assume.that(OneDnn.available());
        SplittableRandom r = new SplittableRandom(seed);
        Run run = randomRun(r, depth, size, fcNext, ties);
        UniformActivationQuantiser qz = run.quantiser();
        Int8ConvChain chain = Int8ConvChain.of(run.posts()).orElseThrow();
        LayerSpec first = run.layers[0];
        byte[] codes = new byte[batch * first.inputSize()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) r.nextInt(256);
        }
        for (int m = 0; m < members; m++) {
            byte[][] w = new byte[depth][];
            for (int i = 0; i < depth; i++) {
                w[i] = new byte[Math.toIntExact(run.layers[i].weightCount())];
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = (byte) (r.nextInt(3) - 1);
                }
            }
            byte[] expected = floatPath(run, qz, w, codes, batch);
            Object java = codes;
            for (int i = 0; i < depth; i++) {
                java = Int8Layers.fused(run.post(i), w[i], (byte[]) java, batch);
            }
            assertThat(chain.codes(w, codes, batch, blockImages)).isEqualTo(expected);
            assertThat(chain.codes(w, codes, batch)).isEqualTo(expected);
            assertThat((byte[]) java).isEqualTo(expected);
        }
    }

    /** Some values of a ties run sit exactly halfway between two codes (the property above is not vacuous there). */
    @Property(tries = 10)
    void tiesRunsHitHalfLevels(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Run run = randomRun(r, 1, 6, false, true);
        LayerSpec l = run.layers[0];
        Int8Layers.Post post = run.post(0);
        BatchNormStats.Factors bn = post.batchNorm();
        int halves = 0;
        for (int s = -l.fanIn() * 255; s <= l.fanIn() * 255; s++) {
            float v = (s * run.steps[0] - bn.mean()[0]) * bn.inverseStd()[0] * post.nextInv();
            if (v > 0f && v < 255f && v - (float) Math.floor(v) == 0.5f) {
                halves++;
            }
        }
        assertThat(halves).isGreaterThan(50);
    }

    private static byte[] floatPath(Run run, UniformActivationQuantiser qz, byte[][] w, byte[] codes, int batch) {
        float[] x = realNchw(run.layers[0], run.steps[0], codes, batch);
        byte[] next = null;
        for (int i = 0; i < run.layers.length; i++) {
            LayerSpec l = run.layers[i];
            float[] wf = new float[w[i].length];
            for (int j = 0; j < wf.length; j++) {
                wf[j] = w[i][j];
            }
            float[] y = LayerForward.forward(l, wf, run.mean[i], run.var[i], x, batch);
            LayerSpec nx = i + 1 < run.layers.length ? run.layers[i + 1] : run.next;
            next = Int8Layers.codes(nx, qz, i + 1, y, batch);
            if (i + 1 < run.layers.length) {
                x = realNchw(nx, run.steps[i + 1], next, batch);
            }
        }
        return next;
    }

    /** Real NCHW values step·code of NHWC codes. */
    private static float[] realNchw(LayerSpec l, float step, byte[] codes, int batch) {
        int plane = l.inHeight() * l.inWidth();
        int c = l.inChannels();
        float[] x = new float[codes.length];
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    x[(b * c + ch) * plane + p] = step * (codes[(b * plane + p) * c + ch] & 0xFF);
                }
            }
        }
        return x;
    }
}
