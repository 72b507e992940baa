package org.bayes2imc.hardware;

import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** SP-row fractions read from λ, and profile validation. */
class SparsityProfileTest {
    @Test
    void stochasticRowsAreRowsWithAnyProbabilisticSynapse() {
        // 4 inputs -> 2 classes: one FC layer, weights [out=2, in=4].
        Architecture a = Architecture.of("t", ":", 4, 1, 1, 2);
        BbnnModel m = BbnnModel.zeros(a);
        float[] lam = m.lambda(0);
        java.util.Arrays.fill(lam, 10f); // deterministic everywhere (|λ| > 2.30 for ε = 0.01)
        lam[0 * 4 + 1] = 0.5f;           // output 0, input row 1 probabilistic
        lam[1 * 4 + 3] = -2.0f;          // output 1, input row 3 probabilistic (|λ| = 2.0 <= 2.30)
        lam[1 * 4 + 2] = 2.5f;           // deterministic
        SparsityProfile p = SparsityProfile.fromModel(m, 0.01, 0);
        assertThat(p.mode()).isEqualTo(SparsityMode.LS_RS);
        assertThat(p.spRowFraction().get(0)).isCloseTo(0.5, within(1e-12));
        assertThat(p.rowSplit(0)).isTrue();
        assertThatThrownBy(() -> SparsityProfile.layerSparsity(a, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first ensembling layer");
        assertThatThrownBy(() -> SparsityProfile.rowSparsity(0, new double[] {1.5})).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> SparsityProfile.rowSparsity(0, new double[] {0.1, 0.2}).validate(a))
                .hasMessageContaining("2 SP-row fractions for 1 layers");
    }
}
