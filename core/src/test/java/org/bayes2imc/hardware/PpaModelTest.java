package org.bayes2imc.hardware;

import org.bayes2imc.sparsity.SparsityMode;
import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The PPA model on a one-layer network on one array, every figure computed by hand. */
class PpaModelTest {

    /** Round figures at the config's node and supply (22 nm, 0.8 V), so no node scaling applies. */
    static final String LIBRARY = """
            components:
              pcm_cell_read:   {energy_pj: 0.01,  area_um2: 0,    latency_ns: 10, node_nm: 22, vdd_v: 0.8, scaling: none, source: test}
              cell_1t1r:       {energy_pj: 0,     area_um2: 0.02, node_nm: 22, vdd_v: 0.8, source: test}
              wordline_driver: {energy_pj: 0.1,   area_um2: 0.5,  node_nm: 22, vdd_v: 0.8, source: test}
              bitline_driver:  {energy_pj: 0.001, area_um2: 0.25, node_nm: 22, vdd_v: 0.8, source: test}
              sense_amplifier: {energy_pj: 0.002, area_um2: 1.0,  latency_ns: 1, node_nm: 22, vdd_v: 0.8, source: test}
              accumulator:     {energy_pj: 0.05,  area_um2: 50,   bits: 8, width_rule: linear, node_nm: 22, vdd_v: 0.8, source: test}
              adder:           {energy_pj: 0.03,  area_um2: 30,   bits: 8, width_rule: linear, node_nm: 22, vdd_v: 0.8, source: test}
              comparator:      {energy_pj: 0.03,  area_um2: 30,   bits: 8, width_rule: linear, node_nm: 22, vdd_v: 0.8, source: test}
              buffer_sram:     {energy_pj: 0.1,   area_um2: 0.5,  node_nm: 22, vdd_v: 0.8, source: test}
              bn_relu:         {energy_pj: 0.3,   area_um2: 400,  node_nm: 22, vdd_v: 0.8, source: test}
              interconnect:    {energy_pj: 0.1,   area_um2: 0,    node_nm: 22, vdd_v: 0.8, source: test}
              sram_cell_read:  {energy_pj: 0.004, area_um2: 0,    latency_ns: 1, node_nm: 22, vdd_v: 0.8, source: test}
              sram_cell:       {energy_pj: 0,     area_um2: 0.1,  node_nm: 22, vdd_v: 0.8, source: test}
              lfsr:            {energy_pj: 0.04,  area_um2: 40,   bits: 8, width_rule: linear, node_nm: 22, vdd_v: 0.8, source: test}
              adc:             {energy_pj: 1.6,   area_um2: 1200, latency_ns: 0.8, bits: 8, width_rule: exponential, node_nm: 22, vdd_v: 0.8, source: test}
              dac:             {energy_pj: 0.04,  area_um2: 0.2,  node_nm: 22, vdd_v: 0.8, source: test}
              shift_add:       {energy_pj: 0.04,  area_um2: 60,   bits: 16, width_rule: linear, node_nm: 22, vdd_v: 0.8, source: test}
            """;

    static ComponentLibrary library() throws IOException {
        return ComponentLibrary.parse(Json.YAML.readTree(LIBRARY), "test.yaml");
    }

    /** FC 100 → 10 (the classifier alone): 1,000 weights, one 128×128 array per copy. */
    static Architecture oneLayer() {
        return Architecture.of("one", ":", 100, 1, 1, 10);
    }

    @Test
    void oneLayerOnOneArrayMatchesHandComputation() throws IOException {
        Architecture a = oneLayer();
        assertThat(a.depth()).isEqualTo(1);
        PpaResult r = PpaModel.evaluate(a, Design.BAYES2IMC, PipelineMode.PIPELINED, SparsityProfile.none(a), 2,
                PpaConfig.defaults(), library());
        LayerPpa l = r.layers().get(0);
        // S = 2 members × 1 position = 2 input vectors, each reading 100 rows × 10 synapse columns.
        // Accumulator width k + log2(128) + 1 = 16 bits -> 2 × the 8-bit figure (linear width rule).
        assertThat(l.energyPj().get("wordline_driver")).isCloseTo(2 * 100 * 0.1, within(1e-9));  // 20
        assertThat(l.energyPj().get("bitline_driver")).isCloseTo(2 * 1000 * 0.001, within(1e-9)); // 2
        assertThat(l.energyPj().get("pcm_cell_read")).isCloseTo(2 * 1000 * 0.01, within(1e-9));  // 20
        assertThat(l.energyPj().get("sense_amplifier")).isCloseTo(2 * 1000 * 0.002, within(1e-9)); // 4
        assertThat(l.energyPj().get("accumulator")).isCloseTo(2 * 1000 * 0.1, within(1e-9));     // 200
        assertThat(l.energyPj().get("adder")).isCloseTo(0, within(1e-12));                       // one row block
        // buffer: inputs 2 × 100 × 8 bits + outputs 2 × 10 × 8 bits, 0.1 pJ/bit = 160 + 16
        assertThat(l.energyPj().get("buffer_sram")).isCloseTo(176, within(1e-9));
        assertThat(l.energyPj().get("bn_relu")).isCloseTo(2 * 10 * 0.3, within(1e-9));           // 6
        assertThat(l.energyPj().get("interconnect")).isCloseTo(160 * 1.0 * 0.1, within(1e-9));   // 16
        assertThat(r.energyPj()).isCloseTo(444, within(1e-9));
        assertThat(r.energyUj()).isCloseTo(444e-6, within(1e-15));

        // Area: 2 array copies of (16384 cells × 0.02 + 128 × (0.5 + 0.25 + 1 + 100)) = 2 × 13351.68;
        // 1 PE: 3 adders × 128 columns × 60 µm² (16-bit) = 23040; 1 tile: 64 KiB × 0.5 µm²/bit + 16 × 400.
        assertThat(l.arrays()).isEqualTo(2);
        assertThat(l.areaUm2().get("cell_1t1r")).isCloseTo(2 * 16384 * 0.02, within(1e-9));
        assertThat(l.areaUm2().get("accumulator")).isCloseTo(2 * 128 * 100.0, within(1e-9));
        assertThat(l.areaUm2().get("adder")).isCloseTo(23040, within(1e-9));
        assertThat(l.areaUm2().get("buffer_sram")).isCloseTo(262144, within(1e-9));
        assertThat(l.areaUm2().get("bn_relu")).isCloseTo(6400, within(1e-9));
        assertThat(r.areaMm2()).isCloseTo((2 * 13351.68 + 23040 + 262144 + 6400) * 1e-6, within(1e-12));

        // Latency: each copy reads its 100 rows at max(10 ns read, 1 ns sense, 1 ns clock) = 1000 ns.
        assertThat(r.latencyNs()).isCloseTo(1000, within(1e-9));
        // Ops: 2 × 1000 MACs × 2 members = 4000; GOPS = 4000 / 1000 ns; GOPS/W = 4000 ops / 444 pJ × 1e3.
        assertThat(r.ops()).isEqualTo(4000);
        assertThat(r.gops()).isCloseTo(4.0, within(1e-12));
        assertThat(r.gopsPerW()).isCloseTo(4000 / 444.0 * 1e3, within(1e-9));
        assertThat(r.gopsPerWMm2()).isCloseTo(r.gopsPerW() / r.areaMm2(), within(1e-9));

        // Non-pipelined: one copy read twice -> same energy, half the arrays, twice the latency.
        PpaResult n = PpaModel.evaluate(a, Design.BAYES2IMC, PipelineMode.NON_PIPELINED, SparsityProfile.none(a), 2,
                PpaConfig.defaults(), library());
        assertThat(n.energyPj()).isCloseTo(444, within(1e-9));
        assertThat(n.arrays()).isEqualTo(1);
        assertThat(n.latencyNs()).isCloseTo(2000, within(1e-9));
        assertThat(n.areaMm2()).isCloseTo((13351.68 + 23040 + 262144 + 6400) * 1e-6, within(1e-12));
    }

    @Test
    void sramBaselineOnOneLayerMatchesHandComputation() throws IOException {
        Architecture a = oneLayer();
        PpaResult r = PpaModel.evaluate(a, Design.SRAM, PipelineMode.PIPELINED, SparsityProfile.none(a), 2,
                PpaConfig.defaults(), library());
        LayerPpa l = r.layers().get(0);
        // p_bits = 8: a synapse takes 8 columns, 16 synapses per array row, 10 outputs -> 1 array per copy, 2 copies.
        assertThat(l.arrays()).isEqualTo(2);
        // 2 vectors × 1000 synapses: 8 bit reads + 8 senses each, one LFSR step, one comparison, one accumulation.
        assertThat(l.energyPj().get("sram_cell_read")).isCloseTo(2 * 1000 * 8 * 0.004, within(1e-9)); // 64
        assertThat(l.energyPj().get("sense_amplifier")).isCloseTo(2 * 1000 * 8 * 0.002, within(1e-9)); // 32
        assertThat(l.energyPj().get("lfsr")).isCloseTo(2000 * 0.04, within(1e-9));                    // 80
        assertThat(l.energyPj().get("comparator")).isCloseTo(2000 * 0.03, within(1e-9));              // 60
        assertThat(l.energyPj()).doesNotContainKeys("pcm_cell_read", "adc", "bitline_driver");
        // 20 (word lines) + 64 + 32 + 80 + 60 + 200 (accumulators) + 176 (buffer) + 6 (BN) + 16 (wires)
        assertThat(r.energyPj()).isCloseTo(654, within(1e-9));
        // per array: 16384 × 0.1 + 128 × (0.5 + 0.25 + 1) + 16 × (40 + 30 + 100) = 4582.4; PE adders 3 × 16 × 60
        assertThat(r.areaMm2()).isCloseTo((2 * 4582.4 + 2880 + 262144 + 6400) * 1e-6, within(1e-12));
        assertThat(r.latencyNs()).isCloseTo(100 * 1.0, within(1e-9));
    }

    @Test
    void adcImcOnOneLayerMatchesHandComputation() throws IOException {
        Architecture a = oneLayer();
        PpaResult r = PpaModel.evaluate(a, Design.ADC_IMC, PipelineMode.PIPELINED, SparsityProfile.none(a), 1,
                PpaConfig.defaults(), library());
        LayerPpa l = r.layers().get(0);
        // 8 input-bit cycles; half the input bits are 1 (activity 0.5); 4-bit ADC = 8-bit figure / 2^4.
        assertThat(l.energyPj().get("dac")).isCloseTo(8 * 100 * 0.5 * 0.04, within(1e-9));          // 16
        assertThat(l.energyPj().get("pcm_cell_read")).isCloseTo(8 * 100 * 10 * 0.5 * 0.01, within(1e-9)); // 40
        assertThat(l.energyPj().get("bitline_driver")).isCloseTo(8 * 10 * 0.001, within(1e-12));    // 0.08
        assertThat(l.energyPj().get("adc")).isCloseTo(8 * 10 * 0.1, within(1e-9));                  // 8
        assertThat(l.energyPj().get("shift_add")).isCloseTo(8 * 10 * 0.04, within(1e-9));            // 3.2
        // + buffer 80 + 8, BN 3, wires 8
        assertThat(r.energyPj()).isCloseTo(166.28, within(1e-9));
        // per array: cells 327.68 + DACs 128 × 0.2 + bit lines 32 + 16 ADCs × 75 + 16 shift-adds × 60 = 2545.28
        assertThat(r.areaMm2()).isCloseTo((2545.28 + 23040 + 262144 + 6400) * 1e-6, within(1e-12));
        // 8 cycles × (10 ns read + 8 muxed conversions × 0.4 ns)
        assertThat(r.latencyNs()).isCloseTo(8 * (10 + 8 * 0.4), within(1e-9));
    }

    @Test
    void rowSparsitySplitsTheLayerIntoPlanes() throws IOException {
        Architecture a = oneLayer();
        // 30 % of the 100 rows in the SP: SP (30 rows) read by S = 4 members on 4 copies, DP (70 rows) read once
        // (the layer's input is the image, shared by all members) on 1 copy; DP + SP merged per member.
        SparsityProfile sp = SparsityProfile.rowSparsity(0, new double[] {0.3});
        PpaResult r = PpaModel.evaluate(a, Design.BAYES2IMC, PipelineMode.PIPELINED, sp, 4, PpaConfig.defaults(), library());
        LayerPpa l = r.layers().get(0);
        assertThat(l.arrays()).isEqualTo(5);
        assertThat(l.sampledRowFraction()).isCloseTo(0.3, within(1e-12));
        double cellReads = 4 * 30 * 10 + 70 * 10;
        assertThat(l.energyPj().get("pcm_cell_read")).isCloseTo(cellReads * 0.01, within(1e-9));
        assertThat(l.energyPj().get("adder")).isCloseTo(4 * 10 * 0.06, within(1e-9));
        // latency: SP 30 rows × 10 ns (each copy one vector), DP 70 rows × 10 ns, in parallel -> 700 ns
        assertThat(r.latencyNs()).isCloseTo(700, within(1e-9));
        assertThat(r.ops()).isEqualTo(2.0 * 1000 * 4);
    }

    @Test
    void resultJsonHasUnitsInKeysAndFractionsInRange() {
        Architecture a = Architectures.parse("fmnist-small");
        PpaResult r = PpaModel.evaluate(a, Design.SRAM, PipelineMode.NON_PIPELINED,
                SparsityProfile.of(SparsityMode.LS_RS, a, 3, 0.25), 5);
        JsonNode j = org.bayes2imc.io.Json.tree(r.report());
        for (String k : new String[] {"energy_uj", "latency_us", "area_mm2", "gops", "gops_per_w", "gops_per_w_mm2",
                "ops", "ops_definition", "config", "energy_uj_by_component", "area_mm2_by_component", "layers"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("sparsity").asText()).isEqualTo("ls+rs");
        for (JsonNode l : j.get("layers")) {
            double f = l.get("sampled_row_fraction").asDouble();
            assertThat(f).isBetween(0.0, 1.0);
        }
        assertThat(j.get("layers").get(0).get("sampled_row_fraction").asDouble()).isZero();
        assertThat(j.get("energy_uj").asDouble()).isPositive();
    }
}
