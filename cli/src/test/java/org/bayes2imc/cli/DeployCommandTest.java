package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.TestData;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bayes2imc deploy} end to end on real Fashion-MNIST images with a small handmade model file. */
class DeployCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static String data;

    @BeforeAll
    static void model() {
        data = TestData.dataDir().toString();
        model = TinyModelFile.write(dir);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void deploysAndWritesTheHardwareSection() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("deploy", "--model", model.toString(), "--data-dir", data, "--limit", "100", "--samples", "3",
                "--deployments", "2", "--time", "1h", "--ood", "digits", "--threads", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy").contains("hw mean");
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.path("command").asText()).isEqualTo("deploy");
        assertThat(j.path("hardware").path("deployments").asInt()).isEqualTo(2);
        double acc = j.path("hardware").path("accuracy").path("mean").asDouble(-1);
        assertThat(acc).isBetween(0.0, 1.0);
        assertThat(j.path("hardware").path("per_deployment")).hasSize(2);
        assertThat(j.path("hardware").path("ood_auroc_entropy").path("mean").isNumber()).isTrue();
        assertThat(j.path("software").path("ensemble").path("accuracy").isNumber()).isTrue();
        assertThat(j.path("settings").path("time_seconds").asDouble()).isEqualTo(3600.0);
        // The design read time defaults to the study's read time.
        assertThat(j.path("settings").path("mapping_time_seconds").asDouble()).isEqualTo(3600.0);
        assertThat(j.path("hardware").path("ece_calibrated").path("mean").isNumber()).isTrue();
        assertThat(r.out()).contains("ece_calibrated").contains("Monte-Carlo floor");
        JsonNode spread = j.path("spread_decomposition");
        assertThat(spread.path("deployments").asInt()).isEqualTo(2);
        assertThat(spread.path("raw").path("accuracy").path("floor").isNumber()).isTrue();
        assertThat(spread.path("corrected").isEmpty()).isTrue();
        assertThat(Files.exists(out.resolve("results.json"))).isTrue();
    }

    private static void assertOneLineError(CliRun r, String fragment) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(fragment);
    }

    @Test
    void badInputGivesOneLineErrors() throws IOException {
        Path corrupt = dir.resolve("corrupt.safetensors");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        String m = model.toString();
        assertOneLineError(run("deploy", "--model", corrupt.toString(), "--data-dir", data, "--limit", "10"), "corrupt.safetensors");
        Path cifarShaped = dir.resolve("cifar.safetensors");
        ModelFile.write(cifarShaped, BbnnModel.zeros(Architectures.parse("custom:3x32x32:10:8-M:16")));
        assertOneLineError(run("deploy", "--model", cifarShaped.toString(), "--data-dir", data, "--limit", "10"), "expects 3x32x32");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--time", "-5s"), "--time");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--design-time", "later"), "--design-time");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--samples", "0"), "--samples");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--deployments", "0"), "--deployments");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--array-size", "100"), "power of two");
        assertOneLineError(run("deploy", "--model", m, "--data-dir", data, "--compensation", "magic"), "--compensation");
    }
}
