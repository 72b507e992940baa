package org.bayes2imc.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The component library: every default figure sourced, malformed files rejected in one line, scaling rules. */
class ComponentLibraryTest {
    @TempDir
    Path dir;

    @Test
    void everyDefaultEntryHasSourceNodeAndFigures() throws IOException {
        try (InputStream in = ComponentLibrary.class.getResourceAsStream(ComponentLibrary.DEFAULT_RESOURCE)) {
            JsonNode comps = Json.YAML.readTree(in).get("components");
            assertThat(comps.size()).isGreaterThanOrEqualTo(17);
            Iterator<Map.Entry<String, JsonNode>> it = comps.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode c = e.getValue();
                assertThat(c.path("source").asText()).as(e.getKey() + " source").isNotBlank();
                assertThat(c.path("node_nm").asDouble()).as(e.getKey() + " node").isPositive();
                assertThat(c.has("energy_pj")).as(e.getKey() + " energy").isTrue();
                assertThat(c.has("area_um2")).as(e.getKey() + " area").isTrue();
            }
            for (String name : new String[] {"pcm_cell_read", "cell_1t1r", "wordline_driver", "bitline_driver",
                    "sense_amplifier", "comparator", "lfsr", "sram_cell_read", "sram_cell", "adder", "accumulator",
                    "bn_relu", "buffer_sram", "interconnect", "adc", "dac", "shift_add"}) {
                assertThat(comps.has(name)).as(name).isTrue();
            }
        }
        // The defaults price every design.
        Architecture a = Architectures.parse("mlp");
        for (Design d : Design.values()) {
            assertThat(PpaModel.evaluate(a, d, PipelineMode.PIPELINED, SparsityProfile.none(a), 2).energyPj()).isPositive();
        }
    }

    @Test
    void malformedFilesGiveOneLineErrorsNamingTheEntry() throws IOException {
        Path f = dir.resolve("components.yaml");
        Files.writeString(f, """
                components:
                  sense_amplifier: {area_um2: 1.0, node_nm: 28, source: MNSIM}
                """);
        assertThatThrownBy(() -> ComponentLibrary.load(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ": entry 'sense_amplifier': missing energy_pj");
        Files.writeString(f, "components:\n  adc: {energy_pj: fast, area_um2: 1, node_nm: 32, source: ISAAC}\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).hasMessage(f + ": entry 'adc': energy_pj must be a number, got 'fast'");
        Files.writeString(f, "components:\n  adc: {energy_pj: 1, area_um2: 1, node_nm: 32}\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).hasMessage(f + ": entry 'adc': missing source");
        Files.writeString(f, "components:\n  adc: {energy_pj: 1, area_um2: 1, node_nm: 32, source: x, bits: 8, width_rule: cubic}\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).hasMessageStartingWith(f + ": entry 'adc': width_rule 'cubic' is not one of");
        Files.writeString(f, "components:\n  adc: {energy_pj: -1, area_um2: 1, node_nm: 32, source: x}\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).hasMessageContaining("entry 'adc': energy_pj must be finite and non-negative");
        Files.writeString(f, "parts: {}\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).hasMessage(f + ": needs a non-empty 'components' mapping");
        Files.writeString(f, "components: [unclosed\n");
        assertThatThrownBy(() -> ComponentLibrary.load(f)).isInstanceOf(InputException.class).hasMessageStartingWith(f + ": malformed");
        // A file without an entry the design needs: named when the model asks for it.
        Files.writeString(f, "components:\n  adc: {energy_pj: 1, area_um2: 1, node_nm: 32, source: x}\n");
        ComponentLibrary partial = ComponentLibrary.load(f);
        Architecture a = Architectures.parse("mlp");
        assertThatThrownBy(() -> PpaModel.evaluate(a, Design.BAYES2IMC, PipelineMode.PIPELINED, SparsityProfile.none(a), 1,
                PpaConfig.defaults(), partial)).isInstanceOf(InputException.class).hasMessageContaining(f + ": no entry '");
    }

    @Test
    void nodeAndWidthScalingFollowTheDocumentedRules() {
        ComponentLibrary lib = ComponentLibrary.defaults();
        Component adc = lib.raw("adc");
        // ISAAC's 8-bit ADC at 32 nm, 1.0 V -> 4 bits at 22 nm, 0.8 V: energy × 2^-4 × (22/32) × 0.64, area × 2^-4 × (22/32)².
        Component c = lib.at("adc", 22, 0.8, 4);
        assertThat(c.energyPj()).isCloseTo(1.67 / 16 * 22 / 32 * 0.64, within(1e-12));
        assertThat(c.areaUm2()).isCloseTo(1200.0 / 16 * (22.0 / 32) * (22.0 / 32), within(1e-9));
        assertThat(c.latencyNs()).isCloseTo(0.78 * 0.5 * 22 / 32, within(1e-12));
        assertThat(adc.source()).contains("ISAAC");
        // A device-physics figure does not scale: (0.3 V)²·25 µS·10 ns at every node (MODEL.md §9).
        assertThat(lib.at("pcm_cell_read", 7, 0.5, 0).energyPj()).isEqualTo(0.0225);
        // Linear width rule: a 16-bit adder costs twice the 8-bit one.
        assertThat(lib.at("adder", 45, 0.9, 16).energyPj()).isCloseTo(0.06, within(1e-12));
    }
}
