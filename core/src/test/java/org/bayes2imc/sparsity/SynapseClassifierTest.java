package org.bayes2imc.sparsity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynapseClassifierTest {
    @Test
    void defaultEpsilonMatchesTheSpecThreshold() {
        SynapseClassifier c = SynapseClassifier.ofEpsilon(0.01);
        assertThat(c.lambdaThreshold()).isCloseTo(2.2976, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(c.isProbabilistic(2.29f)).isTrue();
        assertThat(c.isProbabilistic(-2.29f)).isTrue();
        assertThat(c.isProbabilistic(2.31f)).isFalse();
        assertThat(c.isProbabilistic(-2.31f)).isFalse();
        assertThat(SynapseClassifier.clamp(0f)).isEqualTo(1f);
        assertThat(SynapseClassifier.clamp(-0f)).isEqualTo(1f);
        assertThat(SynapseClassifier.clamp(-1e-30f)).isEqualTo(-1f);
        assertThat(SynapseClassifier.allDeterministic().isProbabilistic(0f)).isFalse();
        assertThatThrownBy(() -> SynapseClassifier.ofEpsilon(0)).hasMessageContaining("epsilon must");
        assertThatThrownBy(() -> SynapseClassifier.ofEpsilon(0.6)).hasMessageContaining("epsilon must");
    }

    /** The |λ| test agrees with ε ≤ sigmoid(2λ) ≤ 1 − ε away from rounding distance of the boundary. */
    @Property(tries = 500)
    void lambdaTestAgreesWithTheProbabilityDefinition(@ForAll @FloatRange(min = -8, max = 8) float lambda,
                                                      @ForAll @DoubleRange(min = 1e-4, max = 0.5) @Scale(6) double epsilon) {
        double p = SynapseClassifier.probabilityPlusOne(lambda);
        if (Math.abs(p - epsilon) < 1e-9 || Math.abs(p - (1 - epsilon)) < 1e-9) {
            return;
        }
        boolean byP = epsilon <= p && p <= 1 - epsilon;
        assertThat(SynapseClassifier.ofEpsilon(epsilon).isProbabilistic(lambda)).isEqualTo(byP);
    }

    @Test
    void modesAndGranularitiesParse() {
        assertThat(SparsityMode.parse("ls+rs")).isEqualTo(SparsityMode.LS_RS);
        assertThat(SparsityMode.parse("LS_RS")).isEqualTo(SparsityMode.LS_RS);
        assertThat(SparsityMode.parse("none")).isEqualTo(SparsityMode.NONE);
        assertThat(RowGranularity.parse("row-segment")).isEqualTo(RowGranularity.ROW_SEGMENT);
        assertThatThrownBy(() -> RowGranularity.parse("column")).hasMessageContaining("granularity must");
        assertThatThrownBy(() -> SparsityMode.parse("rs")).hasMessageContaining("sparsity must");
    }

    @Test
    void automaticFirstEnsemblingLayerRule() {
        assertThat(SparsityAnalysis.chooseFirstEnsemblingLayer(new long[] {0, 0, 0}, 0.9)).isEqualTo(2);
        assertThat(SparsityAnalysis.chooseFirstEnsemblingLayer(new long[] {10, 0, 90}, 0.9)).isEqualTo(2);
        assertThat(SparsityAnalysis.chooseFirstEnsemblingLayer(new long[] {11, 0, 89}, 0.9)).isEqualTo(0);
        assertThat(SparsityAnalysis.chooseFirstEnsemblingLayer(new long[] {5, 50, 45}, 0.9)).isEqualTo(1);
        assertThatThrownBy(() -> SparsityAnalysis.chooseFirstEnsemblingLayer(new long[] {1}, 0)).hasMessageContaining("ensemble_fraction must");
    }

    /**
     * The one ε rule, stated on λ here and on p by the solver (MappingConfig.isDeterministic), gives the same answer
     * for every float λ within 64 ulps of ±threshold, for the default and the reported ε.
     */
    @Test
    void lambdaAndProbabilityFormsAgreeOnEveryFloatNearTheBoundary() {
        for (double epsilon : new double[] {0.01, 0.001, 0.05, 0.2}) {
            SynapseClassifier c = SynapseClassifier.ofEpsilon(epsilon);
            org.bayes2imc.device.MappingConfig mapping = org.bayes2imc.device.MappingConfig.defaults().withEpsilon(epsilon);
            for (int sign = -1; sign <= 1; sign += 2) {
                float lambda = (float) (sign * c.lambdaThreshold());
                for (int k = 0; k < 64; k++) {
                    lambda = Math.nextDown(lambda);
                }
                for (int k = 0; k < 128; k++, lambda = Math.nextUp(lambda)) {
                    boolean byP = !mapping.isDeterministic(SynapseClassifier.probabilityPlusOne(lambda));
                    assertThat(c.isProbabilistic(lambda)).as("ε=%s λ=%s", epsilon, lambda).isEqualTo(byP);
                }
            }
        }
    }
}
