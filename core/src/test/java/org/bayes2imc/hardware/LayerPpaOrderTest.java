package org.bayes2imc.hardware;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the kill-and-resume test (docs/RELIABILITY.md): a LayerPpa kept its components in Map.copyOf's
 * per-JVM randomised order, so its float totals, and the PPA tables, differed in the last bits from run to run.
 */
class LayerPpaOrderTest {

    @Test
    void componentsKeepTheirOrderAndTotalsSumInIt() {
        Map<String, Double> energy = new LinkedHashMap<>();
        double expected = 0;
        // 24 components with values of very different magnitudes: a sum in another order rounds differently, and
        // a randomised order matches insertion order only by a negligible chance
        for (int i = 0; i < 24; i++) {
            double v = Math.pow(10, (i * 7) % 17 - 8) * (1 + i / 3.0);
            energy.put("component" + i, v);
            expected += v;
        }
        LayerPpa l = new LayerPpa(0, "fc1", 1, 2, 1, 1, 1, 1, energy, energy);
        assertThat(List.copyOf(l.energyPj().keySet())).containsExactlyElementsOf(energy.keySet());
        assertThat(l.energyTotalPj()).isEqualTo(expected);
        assertThat(l.areaTotalUm2()).isEqualTo(expected);
    }
}
