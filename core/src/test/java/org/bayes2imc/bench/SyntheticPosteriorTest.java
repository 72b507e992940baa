package org.bayes2imc.bench;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthetic posterior's stated row fractions and the padded image set behind {@code bench --arch}. */
class SyntheticPosteriorTest {

    @Test
    void paddingCentresTheImageAndCopiesItToEveryChannel() {
        float[] px = new float[2 * 2];
        px[0] = 1f;
        px[3] = 4f;
        Dataset grey = new Dataset("g", 1, 2, 2, 10, px, new int[] {7});
        Dataset colour = PaddedImages.of(grey, 3, 4, 4);
        assertThat(colour.channels()).isEqualTo(3);
        float[] f = colour.features();
        for (int c = 0; c < 3; c++) {
            assertThat(f[c * 16 + 1 * 4 + 1]).isEqualTo(1f);
            assertThat(f[c * 16 + 2 * 4 + 2]).isEqualTo(4f);
            assertThat(f[c * 16]).isZero();
        }
        assertThat(colour.labels()).containsExactly(7);
        assertThatThrownBy(() -> PaddedImages.of(colour, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowFractionsAreParsedPerLayerOrForAllAndValidated() {
        Architecture a = Architectures.parse(Architectures.FMNIST_TINY);
        assertThat(SyntheticPosterior.parseRowFractions("--probabilistic-rows", "0.5", a)).containsOnly(0.5);
        assertThat(SyntheticPosterior.parseRowFractions("--probabilistic-rows", null, a))
                .isEqualTo(SyntheticPosterior.defaultRowFractions(a));
        assertThatThrownBy(() -> SyntheticPosterior.parseRowFractions("--probabilistic-rows", "0.1,0.2", a))
                .hasMessageContaining("--probabilistic-rows");
        assertThatThrownBy(() -> SyntheticPosterior.parseRowFractions("--probabilistic-rows", "1.5", a))
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void onlyTheStatedShareOfRowsHoldsProbabilisticSynapses() {
        Architecture a = Architectures.parse(Architectures.FMNIST_TINY);
        double[] rows = SyntheticPosterior.parseRowFractions("--probabilistic-rows", "0,0,0.5,0.5", a);
        float[] px = new float[3 * 28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37 % 101) / 101f;
        }
        Dataset bn = new Dataset("bn", 1, 28, 28, 10, px, new int[] {0, 1, 2});
        BbnnModel m = SyntheticPosterior.of(a, rows, 3, bn);
        for (int l = 0; l < a.depth(); l++) {
            int fanIn = a.layer(l).fanIn();
            boolean[] probabilisticRow = new boolean[fanIn];
            float[] lam = m.lambda(l);
            for (int i = 0; i < lam.length; i++) {
                probabilisticRow[i % fanIn] |= Math.abs(lam[i]) < 8f;
            }
            int count = 0;
            for (boolean b : probabilisticRow) {
                count += b ? 1 : 0;
            }
            if (rows[l] == 0) {
                assertThat(count).as("layer %d", l).isZero();
            } else if (fanIn >= 500) {
                assertThat((double) count / fanIn).as("layer %d", l).isBetween(rows[l] - 0.1, rows[l] + 0.1);
            } else {
                assertThat(count).as("layer %d", l).isPositive().isLessThan(fanIn);
            }
            for (float v : m.bnVar(l)) {
                assertThat(v).as("layer %d BatchNorm variance", l).isPositive();
            }
        }
    }
}
