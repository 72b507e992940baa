package org.bayes2imc.infer;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoftwareEnsembleTest {
    static final Architecture ARCH = Architectures.parse("fmnist-tiny");

    static BbnnModel randomModel(long seed, double lambdaScale) {
        SplittableRandom rng = new SplittableRandom(seed);
        BbnnModel m = BbnnModel.zeros(ARCH);
        for (int i = 0; i < ARCH.depth(); i++) {
            float[] lam = m.lambda(i);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = (float) (lambdaScale * rng.nextGaussian());
            }
            // a plausible BN variance: fan-in of ±1 weights times the input second moment
            java.util.Arrays.fill(m.bnVar(i), ARCH.layer(i).fanIn());
        }
        return m;
    }

    static Dataset randomImages(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        return new Dataset("random", 1, 28, 28, 10, x, labels);
    }

    @Test
    void membersAreBitIdenticalAtOneAndTwoThreads() {
        BbnnModel m = randomModel(1, 1.0);
        Dataset d = randomImages(120, 2);
        for (SoftwareSamplingSemantics sem : SoftwareSamplingSemantics.values()) {
            var settings = new SoftwareEnsemble.Settings(2, 99, sem, 50);
            float[][] one = Parallel.of(1).call(() -> SoftwareEnsemble.memberLogits(m, d, settings, Progress.NONE));
            float[][] two = Parallel.of(2).call(() -> SoftwareEnsemble.memberLogits(m, d, settings, Progress.NONE));
            for (int s = 0; s < 2; s++) {
                assertThat(two[s]).as(sem + " member " + s).containsExactly(one[s]);
            }
            assertThat(one[0]).isNotEqualTo(one[1]);
        }
    }

    @Test
    void concentratedPosteriorSamplesTheModeNetwork() {
        BbnnModel m = randomModel(3, 1.0);
        for (int i = 0; i < ARCH.depth(); i++) {
            float[] lam = m.lambda(i);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = lam[j] >= 0 ? 20f : -20f; // p < 2^-24 or 1: deterministic synapses
            }
        }
        Dataset d = randomImages(120, 4);
        float[] mode = SoftwareEnsemble.modeLogits(m, d, Progress.NONE);
        float[][] members = SoftwareEnsemble.memberLogits(m, d, SoftwareEnsemble.Settings.of(2, 5), Progress.NONE);
        assertThat(members[0]).containsExactly(mode);
        assertThat(members[1]).containsExactly(mode);
    }

    @Test
    void perChunkDrawsAreSharedWithinAChunkOnly() {
        BbnnModel m = randomModel(6, 0.3);
        Dataset one = randomImages(1, 7);
        // The same image twice in one chunk sees one weight draw; in two chunks (chunk size 1) two draws.
        Dataset twice = new Dataset("twice", 1, 28, 28, 10, concat(one.features(), one.features()), new int[] {0, 0});
        float[] shared = SoftwareEnsemble.memberLogits(m, twice, new SoftwareEnsemble.Settings(1, 8, SoftwareSamplingSemantics.PER_CHUNK, 100), Progress.NONE)[0];
        float[] fresh = SoftwareEnsemble.memberLogits(m, twice, new SoftwareEnsemble.Settings(1, 8, SoftwareSamplingSemantics.PER_IMAGE, 100), Progress.NONE)[0];
        assertThat(java.util.Arrays.copyOfRange(shared, 0, 10)).containsExactly(java.util.Arrays.copyOfRange(shared, 10, 20));
        assertThat(java.util.Arrays.copyOfRange(fresh, 0, 10)).isNotEqualTo(java.util.Arrays.copyOfRange(fresh, 10, 20));
    }

    @Test
    void memberWeightsFollowTheirProbabilitiesUnderBothSemantics() {
        // One FC layer 2 → 2 with BN mean 0, var 1 − eps: on input (1, 0) the logits are the weights w_00, w_10, so
        // each logit's sign is one Bernoulli(p) draw of one synapse.
        Architecture a = Architecture.of("one-fc", ":", 2, 1, 1, 2);
        BbnnModel m = BbnnModel.zeros(a);
        double p0 = 0.2;
        double p1 = 0.9;
        m.lambda(0)[0] = (float) BbnnModel.lambdaFor(p0); // w[0][0]
        m.lambda(0)[2] = (float) BbnnModel.lambdaFor(p1); // w[1][0]
        java.util.Arrays.fill(m.bnVar(0), (float) (1 - a.layer(0).bnEps()));
        int n = 2000;
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 1f;
        }
        // PER_IMAGE: one member, 2000 images, each its own draw. PER_CHUNK: 400 members on 5 images in one chunk.
        float[] perImage = SoftwareEnsemble.memberLogits(m, x, n,
                new SoftwareEnsemble.Settings(1, 21, SoftwareSamplingSemantics.PER_IMAGE, 100), Progress.NONE)[0];
        float[][] perChunk = SoftwareEnsemble.memberLogits(m, java.util.Arrays.copyOf(x, 10), 5,
                new SoftwareEnsemble.Settings(400, 22, SoftwareSamplingSemantics.PER_CHUNK, 100), Progress.NONE);
        for (int k = 0; k < 2; k++) {
            double p = k == 0 ? p0 : p1;
            int plus = 0;
            for (int i = 0; i < n; i++) {
                plus += perImage[2 * i + k] > 0 ? 1 : 0;
            }
            // 4.4 standard errors: each of the four checks fails by chance with probability 1e-5
            assertThat((double) plus / n).isCloseTo(p, org.assertj.core.api.Assertions.within(4.4 * Math.sqrt(p * (1 - p) / n)));
            plus = 0;
            for (float[] member : perChunk) {
                plus += member[k] > 0 ? 1 : 0;
                assertThat(member[2 * 4 + k]).isEqualTo(member[k]); // the chunk's images share the draw
            }
            assertThat((double) plus / 400).isCloseTo(p, org.assertj.core.api.Assertions.within(4.4 * Math.sqrt(p * (1 - p) / 400)));
        }
    }

    @Test
    void membersSharingTheirFirstLayersGiveEachMembersOwnBits() {
        // layer 0 has a single stochastic synapse, so of 6 members several draw it alike and share that layer;
        // layer 1 has three, so some share two layers; each member must still get exactly its own forward pass
        BbnnModel m = randomModel(11, 1.0);
        for (int layer = 0; layer < 2; layer++) {
            float[] lam = m.lambda(layer);
            for (int j = 0; j < lam.length; j++) {
                lam[j] = j < 1 + 2 * layer ? 0f : lam[j] >= 0 ? 20f : -20f;
            }
        }
        Dataset d = randomImages(70, 12);
        var settings = new SoftwareEnsemble.Settings(6, 13, SoftwareSamplingSemantics.PER_CHUNK, 10);
        float[][] members = Parallel.of(1).call(() -> SoftwareEnsemble.memberLogits(m, d, settings, Progress.NONE));
        float[] x = ModelInputs.normalised(m, d);
        WeightDraw draw = WeightDraw.sampled(m, 13);
        BatchNormStats bn = BatchNormStats.of(m);
        int shared = 0;
        for (int chunk = 0; chunk < 7; chunk++) {
            float[] in = java.util.Arrays.copyOfRange(x, chunk * 10 * 784, (chunk + 1) * 10 * 784);
            float[] first = null;
            for (int s = 0; s < 6; s++) {
                float[][] w = new float[ARCH.depth()][];
                for (int i = 0; i < w.length; i++) {
                    w[i] = draw.weights(s, i, chunk);
                }
                float[] expected = NetworkForward.run(ARCH, bn, w, in, 10);
                assertThat(java.util.Arrays.copyOfRange(members[s], chunk * 100, (chunk + 1) * 100))
                        .as("member %d chunk %d", s, chunk).containsExactly(expected);
                if (s == 0) {
                    first = w[0];
                } else if (java.util.Arrays.equals(first, w[0])) {
                    shared++;
                }
            }
        }
        assertThat(shared).as("members drawing member 0's first layer").isPositive();
    }

    @Test
    void normalisationFromMetadataAndShapeCheck() {
        BbnnModel m = randomModel(9, 1.0);
        Dataset d = randomImages(2, 10);
        var n = m.metadata().putObject("normalisation");
        n.putArray("mean").add(0.5);
        n.putArray("std").add(0.25);
        float[] x = ModelInputs.normalised(m, d);
        assertThat(x[0]).isEqualTo((d.features()[0] - 0.5f) * 4f);
        Dataset wrong = new Dataset("wrong", 1, 8, 8, 10, new float[64], new int[] {0});
        assertThatThrownBy(() -> ModelInputs.normalised(m, wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x8x8").hasMessageContaining("1x28x28");
        m.metadata().set("normalisation", Json.object().put("mean", 1));
        assertThatThrownBy(() -> ModelInputs.normalisation(m)).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
