package org.bayes2imc.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GaussianTest {
    @Test
    void knownValues() {
        assertThat(Gaussian.cdf(0.0)).isEqualTo(0.5);
        assertThat(Gaussian.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(Gaussian.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-15));
        assertThat(Gaussian.cdf(3.2905267314918945)).isCloseTo(0.9995, within(1e-14));
        assertThat(Gaussian.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Gaussian.inverseCdf(0.01)).isCloseTo(-2.3263478740408408, within(1e-11));
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertThat(Gaussian.cdf(Gaussian.inverseCdf(p))).isCloseTo(p, within(1e-14));
        }
    }
}
