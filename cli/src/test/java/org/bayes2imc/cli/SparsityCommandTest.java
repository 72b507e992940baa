package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SparsityCommandTest {
    /** fmnist-tiny with λ = 4 (p = 0.9997) except row 3 of fc2 (32 synapses) and two synapses of fc3 at λ = 0. */
    private static Path tinyModel(Path dir) {
        BbnnModel m = BbnnModel.zeros(Architectures.parse("fmnist-tiny"));
        for (int l = 0; l < m.architecture().depth(); l++) {
            Arrays.fill(m.lambda(l), 4f);
        }
        for (int o = 0; o < 32; o++) {
            m.lambda(2)[o * 784 + 3] = 0f;
        }
        m.lambda(3)[1 * 32] = 0f;
        m.lambda(3)[2 * 32] = 0f;
        Path f = dir.resolve("tiny.safetensors");
        ModelFile.write(f, m);
        return f;
    }

    @Test
    void writesTheSparsitySectionWithEveryCount(@TempDir Path dir) {
        Path out = dir.resolve("out");
        int rc = Main.execute("sparsity", "--model", tinyModel(dir).toString(), "--out", out.toString());
        assertThat(rc).isZero();
        JsonNode r = Json.read(out.resolve("results.json"));
        assertThat(r.path("command").asText()).isEqualTo("sparsity");
        assertThat(r.path("settings").path("epsilon").asDouble()).isEqualTo(0.01);
        assertThat(r.path("settings").path("granularity").asText()).isEqualTo("whole-row");
        JsonNode s = r.path("sparsity");
        assertThat(s.path("first_ensembling_layer").asInt()).isEqualTo(2);
        assertThat(s.path("layers").get(2).path("probabilistic").asLong()).isEqualTo(32);
        assertThat(s.path("layers").get(2).path("rows_with_probabilistic").asInt()).isEqualTo(1);
        assertThat(s.path("layers").get(3).path("rows_with_probabilistic").asInt()).isEqualTo(1);
        assertThat(s.path("sampled_parameters").path("none").asLong()).isEqualTo(72 + 1152 + 25088 + 320);
        assertThat(s.path("sampled_parameters").path("ls").asLong()).isEqualTo(25088 + 320);
        assertThat(s.path("sampled_parameters").path("ls_rs").asLong()).isEqualTo(32 + 10);
        assertThat(r.path("timing").path("total_seconds").asDouble()).isPositive();
    }

    @Test
    void forcedLayerAndSegmentsAreRecorded(@TempDir Path dir) {
        Path out = dir.resolve("o");
        int rc = Main.execute("sparsity", "--model", tinyModel(dir).toString(), "--out", out.toString(),
                "--first-ensembling-layer", "3", "--granularity", "row-segment", "--array-size", "16");
        assertThat(rc).isZero();
        JsonNode s = Json.read(out.resolve("results.json")).path("sparsity");
        assertThat(s.path("first_ensembling_layer_choice").asText()).isEqualTo("forced");
        assertThat(s.path("sampled_parameters").path("ls").asLong()).isEqualTo(320);
        // fc3 (32→10) on 16×16 arrays: one column block of width 10; row 0 holds both probabilistic synapses.
        assertThat(s.path("sampled_parameters").path("ls_rs").asLong()).isEqualTo(10);
        // fc2 (784→32) on 16-wide blocks: row 3 is probabilistic in both column blocks.
        assertThat(s.path("layers").get(2).path("row_segments_with_probabilistic").asLong()).isEqualTo(2);
    }

    @Test
    void badOptionsExitWithTwo(@TempDir Path dir) {
        Path model = tinyModel(dir);
        assertThat(Main.execute("sparsity", "--model", model.toString(), "--epsilon", "0.7", "--out", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("sparsity", "--model", model.toString(), "--first-ensembling-layer", "4", "--out", dir.toString())).isEqualTo(2);
        assertThat(Main.execute("sparsity", "--model", dir.resolve("missing.safetensors").toString())).isEqualTo(2);
        assertThat(Main.execute("sparsity", "--model", model.toString(), "--granularity", "column")).isEqualTo(2);
    }
}
