package org.bayes2imc.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureTest {
    @Test
    void vggBinaryConnectHasThePapersWeightAndMacCounts() {
        Architecture ten = Architectures.parse("vgg-binaryconnect:10");
        assertThat(ten.weightCount()).isEqualTo(14_022_016L);
        assertThat(ten.macsPerImage()).isEqualTo(616_966_144L);
        assertThat(Architectures.parse("vgg-binaryconnect:100").weightCount()).isEqualTo(14_114_176L);
        assertThat(ten.depth()).isEqualTo(9);
        assertThat(ten.layer(6).inChannels()).isEqualTo(8192);
        assertThat(ten.layer(8).relu()).isFalse();
        assertThat(ten.layer(0).bnMomentum()).isEqualTo(0.2);
        assertThat(ten.layer(7).bnMomentum()).isEqualTo(0.1);
    }

    @Test
    void mlpAndCustomWidthsParse() {
        Architecture mlp = Architectures.parse("mlp");
        assertThat(mlp.depth()).isEqualTo(3);
        assertThat(mlp.weightCount()).isEqualTo(30 * 64 + 64 * 64 + 64 * 2);
        Architecture c = Architectures.parse("custom:1x28x28:10:16-M-32-M:64");
        assertThat(c.layer(2).inChannels()).isEqualTo(32 * 7 * 7);
    }

    @Test
    void badWidthsAreRejectedWithAReason() {
        assertThatThrownBy(() -> Architectures.parse("custom:1x28x28:10:16-X:64")).hasMessageContaining("not a positive width");
        assertThatThrownBy(() -> Architectures.parse("nope")).hasMessageContaining("unknown network");
    }
}
