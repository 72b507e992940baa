package org.bayes2imc.hardware;

import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison figures of issue 6: Bayes2IMC against the SRAM baseline on VGGBinaryConnect-10 (S = 10, both
 * modes) with sweeps over the assumptions that drive the ratios, and the adc-imc design configured like NeuroSim's
 * published VGG8 case. The figures are printed; only structural facts are asserted (no hard-coded results).
 */
class ComparisonFiguresTest {
    private static final ComponentLibrary LIB = ComponentLibrary.defaults();

    private static PpaComparison compare(Architecture a, PipelineMode mode, PpaConfig cfg, int s) {
        SparsityProfile none = SparsityProfile.none(a);
        PpaResult b = PpaModel.evaluate(a, Design.BAYES2IMC, mode, none, s, cfg, LIB);
        PpaResult sram = PpaModel.evaluate(a, Design.SRAM, mode, none, s, cfg, LIB);
        return new PpaComparison(b, sram);
    }

    @Test
    void bayes2imcAgainstSramOnVggBinaryConnect10() {
        Architecture a = Architectures.parse("vgg-binaryconnect:10");
        PpaConfig d = PpaConfig.defaults();
        System.out.println("(e) Bayes2IMC vs SRAM, vgg-binaryconnect:10, S=10 (source: 2.2-5.6x GOPS/W, 3.8-9.6x GOPS/W/mm2)");
        System.out.println("    " + PpaResult.OPS_DEFINITION);
        for (PipelineMode mode : PipelineMode.values()) {
            PpaComparison c = compare(a, mode, d, 10);
            System.out.printf(Locale.ROOT, "  %-13s GOPS/W ratio %.2f  GOPS/W/mm2 ratio %.2f  (bayes2imc %.1f GOPS/W, %.1f mm2; sram %.1f GOPS/W, %.1f mm2)%n",
                    mode, c.gopsPerWRatio(), c.gopsPerWMm2Ratio(), c.subject().gopsPerW(), c.subject().areaMm2(),
                    c.baseline().gopsPerW(), c.baseline().areaMm2());
            assertThat(c.subject().energyPjByComponent().getOrDefault("adc", 0.0)).isZero();
            assertThat(c.subject().energyPjByComponent()).doesNotContainKeys("adc", "lfsr", "sram_cell_read");
            assertThat(c.baseline().energyPjByComponent()).containsKeys("lfsr", "comparator", "sram_cell_read");
        }
        // Energy does not depend on the mode (same actions); area and latency do, by S.
        PpaComparison pip = compare(a, PipelineMode.PIPELINED, d, 10);
        PpaComparison non = compare(a, PipelineMode.NON_PIPELINED, d, 10);
        assertThat(pip.subject().energyPj()).isCloseTo(non.subject().energyPj(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(pip.subject().areaMm2()).isGreaterThan(5 * non.subject().areaMm2());
        assertThat(non.subject().latencyNs()).isGreaterThan(5 * pip.subject().latencyNs());

        double previousSramArea = 0;
        double bayesArea = Double.NaN;
        for (int bits : new int[] {2, 4, 6, 8, 10, 12, 16}) {
            PpaConfig cfg = d.with("p_bits", bits);
            for (PipelineMode mode : PipelineMode.values()) {
                PpaComparison c = compare(a, mode, cfg, 10);
                System.out.printf(Locale.ROOT, "  sweep p_bits=%-2d %-13s GOPS/W ratio %.2f  GOPS/W/mm2 ratio %.2f%n",
                        bits, mode, c.gopsPerWRatio(), c.gopsPerWMm2Ratio());
                if (mode == PipelineMode.PIPELINED) {
                    assertThat(c.baseline().areaMm2()).isGreaterThan(previousSramArea);
                    previousSramArea = c.baseline().areaMm2();
                    if (!Double.isNaN(bayesArea)) {
                        assertThat(c.subject().areaMm2()).isEqualTo(bayesArea);
                    }
                    bayesArea = c.subject().areaMm2();
                }
            }
        }
        for (int n : new int[] {64, 128, 256, 512}) {
            PpaConfig cfg = d.with("array_size", n);
            for (PipelineMode mode : PipelineMode.values()) {
                PpaComparison c = compare(a, mode, cfg, 10);
                System.out.printf(Locale.ROOT, "  sweep array_size=%-3d %-13s GOPS/W ratio %.2f  GOPS/W/mm2 ratio %.2f%n",
                        n, mode, c.gopsPerWRatio(), c.gopsPerWMm2Ratio());
            }
        }
        // The SRAM bit read energy: 3.2 fJ bit-line estimate (default) up to Horowitz's 8 KB macro figure scaled to
        // 22 nm (0.156 pJ/bit at 45 nm -> 0.06 pJ/bit).
        for (PipelineMode mode : PipelineMode.values()) {
            PpaSweep sw = PpaSweep.run("sram_cell_read.energy_pj=0.0032,0.01,0.02,0.04,0.06",
                    new PpaSweep.Base(a, Design.BAYES2IMC, Design.SRAM, mode, SparsityProfile.none(a), 10, d, LIB));
            double last = 0;
            for (PpaSweep.Point pt : sw.points()) {
                PpaComparison c = pt.comparison();
                System.out.printf(Locale.ROOT, "  sweep sram_cell_read.energy_pj=%-6s %-13s GOPS/W ratio %.2f  GOPS/W/mm2 ratio %.2f%n",
                        pt.value(), mode, c.gopsPerWRatio(), c.gopsPerWMm2Ratio());
                assertThat(c.gopsPerWRatio()).isGreaterThan(last);
                last = c.gopsPerWRatio();
            }
        }
        for (int k : new int[] {1, 2, 4, 8}) {
            PpaConfig cfg = d.with("activation_bits", k);
            PpaComparison c = compare(a, PipelineMode.PIPELINED, cfg, 10);
            System.out.printf(Locale.ROOT, "  sweep activation_bits=%d pipelined GOPS/W ratio %.2f  GOPS/W/mm2 ratio %.2f%n",
                    k, c.gopsPerWRatio(), c.gopsPerWMm2Ratio());
        }
    }

    @Test
    void adcImcLikeNeuroSimVgg8() {
        // NeuroSim's CIFAR-10 VGG8 has the shape of vgg-binaryconnect:10; NeuroSim quantises weights and activations
        // to 8 bits; with 1 bit per cell a weight takes 8 columns (adc_weight_bits = 8). One network (S = 1).
        Architecture a = Architectures.parse("vgg-binaryconnect:10");
        PpaConfig cfg = PpaConfig.defaults().with("adc_weight_bits", 8).with("adc_bits", 4).with("activation_bits", 8);
        PpaResult r = PpaModel.evaluate(a, Design.ADC_IMC, PipelineMode.NON_PIPELINED, SparsityProfile.none(a), 1, cfg, LIB);
        double topsPerW = r.gopsPerW() / 1e3;
        double tops = r.gops() / 1e3;
        System.out.println("(f) adc-imc like NeuroSim VGG8 (22 nm, 128x128, 1 bit/cell, 8-bit weights and activations, 4-bit ADC, mux 8)");
        System.out.printf(Locale.ROOT, "  TOPS/W %.2f (published 23.9, ratio %.2f)%n", topsPerW, topsPerW / 23.9);
        System.out.printf(Locale.ROOT, "  TOPS   %.3f (published 6.34, ratio %.3f)%n", tops, tops / 6.34);
        System.out.printf(Locale.ROOT, "  area   %.2f mm2 (published 84.8, ratio %.3f)%n", r.areaMm2(), r.areaMm2() / 84.8);
        System.out.printf(Locale.ROOT, "  energy %.2f uJ/image (published 42, ratio %.2f)%n", r.energyUj(), r.energyUj() / 42);
        double adcShare = r.energyPjByComponent().get("adc") / r.energyPj();
        System.out.printf(Locale.ROOT, "  ADC share of energy %.2f (NeuroSim: about half)%n", adcShare);
        r.energyPjByComponent().forEach((k, v) -> System.out.printf(Locale.ROOT, "    energy %-16s %.3f uJ%n", k, v * 1e-6));
        r.areaUm2ByComponent().forEach((k, v) -> System.out.printf(Locale.ROOT, "    area   %-16s %.3f mm2%n", k, v * 1e-6));
        assertThat(adcShare).isGreaterThan(0);
        PpaResult binary = PpaModel.evaluate(a, Design.ADC_IMC, PipelineMode.NON_PIPELINED, SparsityProfile.none(a), 1,
                PpaConfig.defaults(), LIB);
        System.out.printf(Locale.ROOT, "  (binary weights, 1 column each: %.2f TOPS/W, %.3f TOPS, %.2f mm2, %.2f uJ)%n",
                binary.gopsPerW() / 1e3, binary.gops() / 1e3, binary.areaMm2(), binary.energyUj());
        assertThat(binary.energyPj()).isLessThan(r.energyPj());
    }
}
