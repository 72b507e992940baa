package org.bayes2imc.infer;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.LayerSpec;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LayerForwardTest {
    // conv 2→4 + pool (6×6 → 3×3), conv 4→5 (3×3... no pool), FC 45 → 7, FC 7 → 3: exercises padding, pool, BN,
    // ReLU, flatten C,H,W and the last layer without ReLU.
    static final Architecture TINY = Architectures.parse("custom:2x6x6:3:4-M-5:7");

    static float[][] randomWeights(Architecture a, SplittableRandom rng, boolean binary) {
        float[][] w = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            w[i] = new float[(int) a.layer(i).weightCount()];
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = binary ? (rng.nextBoolean() ? 1f : -1f) : (float) rng.nextGaussian();
            }
        }
        return w;
    }

    static BatchNormStats randomBn(Architecture a, SplittableRandom rng) {
        float[][] m = new float[a.depth()][];
        float[][] v = new float[a.depth()][];
        for (int i = 0; i < a.depth(); i++) {
            int c = a.layer(i).outChannels();
            m[i] = new float[c];
            v[i] = new float[c];
            for (int j = 0; j < c; j++) {
                m[i][j] = (float) rng.nextGaussian();
                v[i][j] = (float) (0.5 + 4 * rng.nextDouble());
            }
        }
        return new BatchNormStats(m, v);
    }

    static float[] randomInput(int n, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void networkMatchesNaiveNestedLoops() {
        SplittableRandom rng = new SplittableRandom(7);
        float[][] w = randomWeights(TINY, rng, true);
        BatchNormStats bn = randomBn(TINY, rng);
        int batch = LayerForward.FC_BLOCK + 6; // crosses an FC block boundary
        float[] input = randomInput(batch * TINY.inputSize(), rng);
        float[] out = NetworkForward.run(TINY, bn, w, input, batch);
        assertThat(out).hasSize(batch * 3);
        for (int b = 0; b < batch; b++) {
            double[] ref = NaiveReference.forward(TINY, w, bn.mean(), bn.var(), input, b);
            for (int k = 0; k < 3; k++) {
                assertThat((double) out[b * 3 + k]).isCloseTo(ref[k], within(1e-3 * (1 + Math.abs(ref[k]))));
            }
        }
    }

    @Test
    void layerRangesComposeAndIntermediateReluIsApplied() {
        SplittableRandom rng = new SplittableRandom(8);
        float[][] w = randomWeights(TINY, rng, false);
        BatchNormStats bn = randomBn(TINY, rng);
        float[] input = randomInput(5 * TINY.inputSize(), rng);
        float[] mid = NetworkForward.run(TINY, bn, w, input, 5, 0, 2);
        assertThat(mid).hasSize(5 * 45);
        for (float v : mid) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
        assertThat(NetworkForward.run(TINY, bn, w, mid, 5, 2, 4)).containsExactly(NetworkForward.run(TINY, bn, w, input, 5));
    }

    @Test
    void rowSubsetsSumToTheFullLinearOutput() {
        SplittableRandom rng = new SplittableRandom(9);
        for (LayerSpec l : new LayerSpec[] {TINY.layer(0), TINY.layer(2)}) {
            float[] w = randomWeights(TINY, rng, true)[l.index()];
            float[] input = randomInput(3 * l.inputSize(), rng);
            int fan = l.fanIn();
            int[] even = java.util.stream.IntStream.range(0, fan).filter(r -> r % 3 == 0).toArray();
            int[] rest = java.util.stream.IntStream.range(0, fan).filter(r -> r % 3 != 0).toArray();
            float[] full = LayerForward.linear(l, w, input, 3);
            float[] a = LayerForward.linearRows(l, subset(w, l, even), even, input, 3);
            float[] b = LayerForward.linearRows(l, subset(w, l, rest), rest, input, 3);
            for (int i = 0; i < full.length; i++) {
                assertThat(a[i] + b[i]).isCloseTo(full[i], within(1e-4f * (1 + Math.abs(full[i]))));
            }
        }
    }

    @Test
    void fusedForwardEqualsSplitLinearAndPostLinearExactly() {
        SplittableRandom rng = new SplittableRandom(14);
        float[][] w = randomWeights(TINY, rng, true);
        BatchNormStats bn = randomBn(TINY, rng);
        float[] x = randomInput(9 * TINY.inputSize(), rng);
        for (LayerSpec l : TINY.layers()) {
            float[] split = LayerForward.postLinear(l, bn.mean()[l.index()], bn.var()[l.index()],
                    LayerForward.linear(l, w[l.index()], x, 9), 9);
            float[] fused = LayerForward.forward(l, w[l.index()], bn.mean()[l.index()], bn.var()[l.index()], x, 9);
            assertThat(fused).as(l.name()).containsExactly(split);
            x = fused;
        }
    }

    @Test
    void stackedMembersMatchOneCallPerMember() {
        SplittableRandom rng = new SplittableRandom(12);
        for (LayerSpec l : new LayerSpec[] {TINY.layer(1), TINY.layer(2)}) {
            int members = 3;
            int[] rows = java.util.stream.IntStream.range(0, l.fanIn()).filter(r -> r % 4 == 1).toArray();
            float[][] w = new float[members][];
            float[] stacked = new float[0];
            for (int s = 0; s < members; s++) {
                w[s] = subset(randomWeights(TINY, rng, true)[l.index()], l, rows);
                float[] grown = java.util.Arrays.copyOf(stacked, stacked.length + w[s].length);
                System.arraycopy(w[s], 0, grown, stacked.length, w[s].length);
                stacked = grown;
            }
            float[] input = randomInput(70 * l.inputSize(), rng);
            float[][] all = LayerForward.linearRowsStacked(l, stacked, members, rows, input, 70);
            for (int s = 0; s < members; s++) {
                float[] one = LayerForward.linearRows(l, w[s], rows, input, 70);
                assertThat(all[s]).hasSameSizeAs(one);
                for (int i = 0; i < one.length; i++) {
                    assertThat(all[s][i]).isCloseTo(one[i], within(1e-4f * (1 + Math.abs(one[i]))));
                }
            }
        }
    }

    private static float[] subset(float[] w, LayerSpec l, int[] rows) {
        float[] s = new float[l.outChannels() * rows.length];
        for (int o = 0; o < l.outChannels(); o++) {
            for (int r = 0; r < rows.length; r++) {
                s[o * rows.length + r] = w[o * l.fanIn() + rows[r]];
            }
        }
        return s;
    }

    @Test
    void bitIdenticalAtOneAndTwoThreads() {
        SplittableRandom rng = new SplittableRandom(10);
        Architecture a = Architectures.parse("fmnist-tiny");
        float[][] w = randomWeights(a, rng, true);
        BatchNormStats bn = randomBn(a, rng);
        float[] input = randomInput(150 * a.inputSize(), rng);
        float[] one = Parallel.of(1).call(() -> NetworkForward.run(a, bn, w, input, 150));
        float[] two = Parallel.of(2).call(() -> NetworkForward.run(a, bn, w, input, 150));
        assertThat(two).containsExactly(one);
    }

    @Test
    void pureJavaKernelMatchesNaiveProduct() {
        SplittableRandom rng = new SplittableRandom(11);
        int m = 5, n = 7, k = 9;
        float[] a = randomInput(m * k, rng);
        float[] b = randomInput(k * n, rng);
        float[] bt = new float[n * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bt[j * k + p] = b[p * n + j];
            }
        }
        for (Sgemm g : new Sgemm[] {new JavaSgemm(), Sgemm.best()}) {
            float[] c1 = new float[m * n];
            float[] c2 = new float[m * n];
            g.multiply(m, n, k, a, 0, b, 0, false, c1, 0);
            g.multiply(m, n, k, a, 0, bt, 0, true, c2, 0);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (double) a[i * k + p] * b[p * n + j];
                    }
                    assertThat((double) c1[i * n + j]).as(g.name()).isCloseTo(s, within(1e-4));
                    assertThat((double) c2[i * n + j]).as(g.name()).isCloseTo(s, within(1e-4));
                }
            }
        }
    }

    @Test
    void rejectsWrongWeightCount() {
        assertThatThrownBy(() -> LayerForward.linear(TINY.layer(0), new float[3], new float[72], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv0");
    }

    @Test
    void calibratedQuantiserCoversEachLayersInputRange() {
        SplittableRandom rng = new SplittableRandom(13);
        float[][] w = randomWeights(TINY, rng, true);
        BatchNormStats bn = randomBn(TINY, rng);
        float[] input = randomInput(20 * TINY.inputSize(), rng);
        UniformActivationQuantiser q = UniformActivationQuantiser.calibrated(8, TINY, bn, w, input, 20);
        assertThat(q.low()[1]).isEqualTo(0f); // after ReLU
        float[] exact = NetworkForward.run(TINY, bn, w, input, 20);
        float[] quantised = NetworkForward.run(TINY, bn, w, input, 20, 0, TINY.depth(), q);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < exact.length; i++) {
            err = Math.max(err, Math.abs(exact[i] - quantised[i]));
            scale = Math.max(scale, Math.abs(exact[i]));
        }
        // 8-bit inputs: logits move by a few percent of their range at most, but they do move.
        assertThat(err).isPositive().isLessThan(0.1 * scale);
    }

    @Test
    void uniformQuantiserRoundsToTheGridAndClips() {
        UniformActivationQuantiser q = UniformActivationQuantiser.uniform(2, 0f, 3f, 1); // levels 0,1,2,3
        // ties go to the even level (1.5 → 2, 2.5 → 2), as PyTorch's round does
        assertThat(q.quantise(0, new float[] {-1f, 0.4f, 0.6f, 1.5f, 2.5f, 2.6f, 9f}, 1))
                .containsExactly(0f, 0f, 1f, 2f, 2f, 3f, 3f);
        assertThatThrownBy(() -> UniformActivationQuantiser.uniform(0, 0f, 1f, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
