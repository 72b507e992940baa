package org.bayes2imc.sparsity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the DP/SP split over random layer shapes, λ tensors, ε, array sizes and granularities. */
class StochasticPlaneSplitProperties {

    /** A layer and its λ: values mix exact zeros, small (probabilistic) and large (deterministic) magnitudes. */
    record Case(LayerSpec layer, float[] lambda, int arraySize) {
        @Override
        public String toString() {
            return layer.name() + " " + layer.fanIn() + "x" + layer.outChannels() + " array " + arraySize;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<LayerSpec> fc = Combinators.combine(Arbitraries.integers().between(1, 200), Arbitraries.integers().between(1, 200))
                .as((in, out) -> new LayerSpec(0, LayerKind.FC, in, out, 1, 0, 1, 1, false, true, 1e-5, 0.1));
        Arbitrary<LayerSpec> conv = Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 70))
                .as((in, out) -> new LayerSpec(1, LayerKind.CONV, in, out, 3, 1, 4, 4, false, true, 1e-5, 0.2));
        Arbitrary<LayerSpec> layers = Arbitraries.oneOf(fc, conv);
        Arbitrary<Integer> arraySizes = Arbitraries.of(1, 2, 8, 16, 64, 128);
        return Combinators.combine(layers, arraySizes, Arbitraries.longs()).as((l, a, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            float[] lam = new float[Math.toIntExact(l.weightCount())];
            double scale = rng.nextDouble(0.1, 12);
            double zeros = rng.nextDouble(0, 0.2);
            for (int i = 0; i < lam.length; i++) {
                lam[i] = rng.nextDouble() < zeros ? 0f : (float) ((rng.nextDouble() * 2 - 1) * scale);
            }
            return new Case(l, lam, a);
        });
    }

    @Provide
    Arbitrary<RowGranularity> granularities() {
        return Arbitraries.of(RowGranularity.class);
    }

    /** Issue 5 acceptance: with every synapse forced deterministic, the split reproduces sign(λ) exactly. */
    @Property(tries = 150)
    void forcedDeterministicSplitReproducesTheClampedWeights(@ForAll("cases") Case c,
                                                             @ForAll("granularities") RowGranularity g) {
        StochasticPlaneSplit s = StochasticPlaneSplit.of(CrossbarTiling.of(c.layer, c.arraySize), c.lambda,
                SynapseClassifier.allDeterministic(), g);
        assertThat(s.isDeterministic()).isTrue();
        assertThat(s.stochasticSynapses()).isZero();
        float[] expected = signs(c.lambda);
        assertSame(s.deterministicWeights(), expected);
        assertSame(s.rebuild(new float[0][]), expected);
        assertSame(s.rebuild(s.sample(new SplittableRandom(1))), expected);
        assertSame(StochasticPlaneSplit.allDeterministic(c.layer, c.lambda).deterministicWeights(), expected);
    }

    /** For any ε: DP + SP with SP weights sign(λ) is sign(λ); DP is 0 exactly on the SP; counts match the analysis. */
    @Property(tries = 150)
    void dpPlusModeSpIsSignLambdaForAnyEpsilon(@ForAll("cases") Case c, @ForAll("granularities") RowGranularity g,
                                               @ForAll @DoubleRange(min = 1e-6, max = 0.5) @Scale(8) double epsilon) {
        SynapseClassifier cl = SynapseClassifier.ofEpsilon(epsilon);
        CrossbarTiling t = CrossbarTiling.of(c.layer, c.arraySize);
        StochasticPlaneSplit s = StochasticPlaneSplit.of(t, c.lambda, cl, g);
        float[] expected = signs(c.lambda);
        assertSame(s.rebuild(s.modeSample()), expected);

        int fanIn = c.layer.fanIn();
        boolean[] inSp = new boolean[c.lambda.length];
        int overlaps = 0;
        int badLambda = 0;
        int badClamp = 0;
        for (StochasticPlaneSplit.Block b : s.blocks()) {
            for (int i = 0; i < b.rows().length; i++) {
                for (int j = 0; j < b.width(); j++) {
                    int idx = (b.columnStart() + j) * fanIn + b.rows()[i];
                    overlaps += inSp[idx] ? 1 : 0;
                    inSp[idx] = true;
                    float p = b.probabilities()[i * b.width() + j];
                    badLambda += b.lambdas()[i * b.width() + j] == c.lambda[idx] ? 0 : 1;
                    if (!cl.isProbabilistic(c.lambda[idx]) && p != (expected[idx] > 0 ? 1f : 0f)) {
                        badClamp++;
                    }
                }
            }
        }
        int outside = 0;
        int badDp = 0;
        for (int idx = 0; idx < c.lambda.length; idx++) {
            outside += cl.isProbabilistic(c.lambda[idx]) && !inSp[idx] ? 1 : 0;
            badDp += s.deterministicWeights()[idx] == (inSp[idx] ? 0f : expected[idx]) ? 0 : 1;
        }
        assertThat(new int[] {overlaps, badLambda, badClamp, outside, badDp})
                .as("overlapping blocks, wrong λ, unclamped deterministic, probabilistic outside SP, wrong DP")
                .containsOnly(0);
        // A stochastic row/segment is exactly one holding ≥ 1 probabilistic synapse, so sizes agree with the analysis.
        LayerSparsity ls = LayerSparsity.measure(t, c.lambda, cl);
        assertThat(s.stochasticSynapses()).isEqualTo(ls.stochasticSynapses(g));
        assertThat(s.stochasticRows()).hasSize(ls.rowsWithProbabilistic());
    }

    /** A software draw differs from sign(λ) only at probabilistic synapses. */
    @Property(tries = 60)
    void samplesFlipOnlyProbabilisticSynapses(@ForAll("cases") Case c, @ForAll("granularities") RowGranularity g,
                                              @ForAll @IntRange(min = 0, max = 1000) int seed) {
        SynapseClassifier cl = SynapseClassifier.ofEpsilon(0.01);
        StochasticPlaneSplit s = StochasticPlaneSplit.of(CrossbarTiling.of(c.layer, c.arraySize), c.lambda, cl, g);
        float[] w = s.rebuild(s.sample(new SplittableRandom(seed)));
        int bad = 0;
        for (int i = 0; i < w.length; i++) {
            boolean ok = Math.abs(w[i]) == 1f
                    && (cl.isProbabilistic(c.lambda[i]) || w[i] == SynapseClassifier.clamp(c.lambda[i]));
            bad += ok ? 0 : 1;
        }
        assertThat(bad).as("weights not ±1 or deterministic synapses flipped").isZero();
    }

    /** No sparsity: the DP is all zero and one block holds every synapse with its own p. */
    @Property(tries = 40)
    void allStochasticHoldsEverySynapse(@ForAll("cases") Case c) {
        StochasticPlaneSplit s = StochasticPlaneSplit.allStochastic(c.layer, c.lambda);
        assertThat(s.stochasticSynapses()).isEqualTo(c.layer.weightCount());
        assertSame(s.deterministicWeights(), new float[c.lambda.length]);
        assertSame(s.rebuild(s.modeSample()), signs(c.lambda));
        StochasticPlaneSplit.Block b = s.blocks().get(0);
        int fanIn = c.layer.fanIn();
        int out = c.layer.outChannels();
        int r = fanIn - 1;
        int o = out / 2;
        assertThat(b.probabilities()[r * out + o]).isEqualTo((float) SynapseClassifier.probabilityPlusOne(c.lambda[o * fanIn + r]));
    }

    /** Exact element-wise equality, reporting the first mismatch (cheaper than AssertJ on large arrays). */
    private static void assertSame(float[] actual, float[] expected) {
        int i = Arrays.mismatch(actual, expected);
        assertThat(i).as("first mismatch at %d of %d", i, expected.length).isEqualTo(-1);
    }

    private static float[] signs(float[] lambda) {
        float[] s = new float[lambda.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = lambda[i] < 0 ? -1f : 1f;
        }
        return s;
    }
}
