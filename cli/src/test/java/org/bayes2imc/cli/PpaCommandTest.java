package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The ppa command end to end: tables, results.json with settings, comparison and sweep; one-line errors. */
class PpaCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesResultsWithComparisonAndSweep() {
        Path out = dir.resolve("ppa");
        int rc = Main.execute("ppa", "--network", "fmnist-small", "--design", "bayes2imc", "--compare", "sram",
                "--mode", "non-pipelined", "--sparsity", "ls+rs", "--sp-row-fraction", "0.2", "--samples", "4",
                "--sweep", "p_bits=4,8", "--out", out.toString());
        assertThat(rc).isZero();
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.get("settings").get("design").asText()).isEqualTo("bayes2imc");
        assertThat(j.get("settings").get("config").get("array_size").asInt()).isEqualTo(128);
        assertThat(j.get("result").get("energy_uj").asDouble()).isPositive();
        assertThat(j.get("ratios").get("gops_per_w_ratio").asDouble()).isPositive();
        assertThat(j.get("rows")).hasSize(2);
        assertThat(j.get("sweep").get("points")).hasSize(2);
        assertThat(j.get("ops_definition").asText()).contains("2 per MAC");
    }

    @Test
    void setTakesAComponentFigureAsTheSweepDoes() {
        Path set = dir.resolve("set");
        Path sweep = dir.resolve("sweep");
        assertThat(Main.execute("ppa", "--network", "fmnist-small", "--set", "pcm_cell_read.energy_pj=0.001",
                "--out", set.toString())).isZero();
        assertThat(Main.execute("ppa", "--network", "fmnist-small", "--sweep", "pcm_cell_read.energy_pj=0.001,0.05",
                "--out", sweep.toString())).isZero();
        JsonNode s = Json.read(set.resolve("results.json")).get("result");
        JsonNode p = Json.read(sweep.resolve("results.json")).get("sweep").get("points");
        JsonNode defaults = Json.read(sweep.resolve("results.json")).get("result");
        assertThat(s.get("energy_uj").asDouble()).isEqualTo(p.get(0).get("subject").get("energy_uj").asDouble())
                .isLessThan(defaults.get("energy_uj").asDouble());
    }

    @Test
    void readsSpRowsFromAModel() {
        BbnnModel m = BbnnModel.zeros(Architectures.parse("mlp"));
        Path file = dir.resolve("m.safetensors");
        ModelFile.write(file, m);
        Path out = dir.resolve("o");
        assertThat(Main.execute("ppa", "--model", file.toString(), "--sparsity", "ls+rs", "--first-ensembling-layer", "1",
                "--out", out.toString())).isZero();
        JsonNode r = Json.read(out.resolve("results.json")).get("result");
        // λ = 0 everywhere: every row is stochastic.
        assertThat(r.get("layers").get(1).get("sampled_row_fraction").asDouble()).isEqualTo(1.0);
        assertThat(r.get("layers").get(0).get("sampled_row_fraction").asDouble()).isEqualTo(0.0);
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        assertThat(Main.execute("ppa", "--network", "mlp", "--design", "tpu", "--out", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("ppa", "--network", "mlp", "--sparsity", "ls+rs", "--out", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("ppa", "--network", "mlp", "--sweep", "colour=1,2", "--out", dir.toString())).isEqualTo(2);
        Path bad = dir.resolve("c.yaml");
        Files.writeString(bad, "components:\n  sense_amplifier: {area_um2: 1, node_nm: 28, source: x}\n");
        assertThat(Main.execute("ppa", "--network", "mlp", "--components", bad.toString(), "--out", dir.toString())).isEqualTo(2);
    }
}
