package org.bayes2imc.sparsity;

import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-layer splits a deployment uses under none, LS and LS+RS, on fmnist-tiny with known λ. */
class SparsityModeSplitsTest {
    private static BbnnModel tiny() {
        BbnnModel m = BbnnModel.zeros(Architectures.parse("fmnist-tiny"));
        for (int l = 0; l < m.architecture().depth(); l++) {
            Arrays.fill(m.lambda(l), l % 2 == 0 ? 4f : -4f);
        }
        m.lambda(0)[0] = 0.1f;                 // one probabilistic conv synapse (not ensembled: L* = 2)
        for (int o = 0; o < 32; o++) {
            m.lambda(2)[o * 784 + 3] = 0f;     // fc2 row 3
        }
        m.lambda(3)[32 + 7] = -0.2f;           // fc3 row 7, column 1
        return m;
    }

    @Test
    void splitsFollowTheMode() {
        BbnnModel m = tiny();
        SparsityAnalysis a = SparsityAnalysis.of(m, SparsitySettings.DEFAULTS);
        assertThat(a.firstEnsemblingLayer()).isEqualTo(2);

        List<StochasticPlaneSplit> none = a.splits(m, SparsityMode.NONE);
        assertThat(none).allSatisfy(s -> assertThat(s.stochasticSynapses()).isEqualTo(s.layer().weightCount()));

        List<StochasticPlaneSplit> ls = a.splits(m, SparsityMode.LS);
        assertThat(ls.get(0).isDeterministic()).isTrue();
        assertThat(ls.get(1).isDeterministic()).isTrue();
        assertThat(ls.get(2).stochasticSynapses()).isEqualTo(25088);
        assertThat(ls.get(3).stochasticSynapses()).isEqualTo(320);

        List<StochasticPlaneSplit> lsRs = a.splits(m, SparsityMode.LS_RS);
        assertThat(lsRs.get(0).isDeterministic()).isTrue();
        assertThat(lsRs.get(0).deterministicWeights()[0]).isEqualTo(1f); // clamped although probabilistic
        assertThat(lsRs.get(2).stochasticRows()).containsExactly(3);
        assertThat(lsRs.get(3).stochasticRows()).containsExactly(7);
        long sampled = lsRs.stream().mapToLong(StochasticPlaneSplit::stochasticSynapses).sum();
        assertThat(sampled).isEqualTo(a.sampledParameters().lsRs()).isEqualTo(32 + 10);
        assertThat(ls.stream().mapToLong(StochasticPlaneSplit::stochasticSynapses).sum()).isEqualTo(a.sampledParameters().ls());
    }

    /** Under LS+RS a software draw agrees with sign(λ) everywhere except the probabilistic ensembled synapses. */
    @Test
    void lsRsSampleDiffersFromTheModeOnlyAtEnsembledProbabilisticSynapses() {
        BbnnModel m = tiny();
        SparsityAnalysis a = SparsityAnalysis.of(m, SparsitySettings.DEFAULTS);
        List<StochasticPlaneSplit> lsRs = a.splits(m, SparsityMode.LS_RS);
        SplittableRandom rng = new SplittableRandom(3);
        int flipsAtHalf = 0;
        int deterministicWrong = 0;
        int draws = 200;
        for (int d = 0; d < draws; d++) {
            float[] w2 = lsRs.get(2).rebuild(lsRs.get(2).sample(rng));
            for (int i = 0; i < w2.length; i++) {
                boolean probabilistic = i % 784 == 3;
                if (!probabilistic) {
                    deterministicWrong += w2[i] == 1f ? 0 : 1;
                } else if (w2[i] < 0) {
                    flipsAtHalf++;
                }
            }
        }
        assertThat(deterministicWrong).isZero();
        // 32 synapses at p = ½ over 200 draws: 6,400 Bernoulli(½) trials, sd 40; ±5 sd bounds.
        assertThat(flipsAtHalf).isBetween(3200 - 200, 3200 + 200);
    }
}
