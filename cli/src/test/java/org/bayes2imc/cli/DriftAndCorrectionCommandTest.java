package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.TestData;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drift} and {@code deploy --correction} end to end on real Fashion-MNIST images and a small handmade model. */
class DriftAndCorrectionCommandTest {
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
    void driftSweepWritesOneRowPerTimeAndCompensation() {
        Path out = dir.resolve("drift");
        CliRun r = run("drift", "--model", model.toString(), "--data-dir", data, "--limit", "64", "--samples", "2",
                "--deployments", "2", "--times", "20s,1e7s", "--compensations", "none,global", "--ood", "digits",
                "--ood-limit", "64", "--calibration-images", "32", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.path("drift")).hasSize(4);
        JsonNode first = j.path("drift").get(0);
        assertThat(first.path("time_seconds").asDouble()).isEqualTo(20.0);
        assertThat(first.path("compensation").asText()).isEqualTo("none");
        assertThat(first.path("accuracy_mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.path("ood_auroc_entropy_mean").isNumber()).isTrue();
        assertThat(j.path("drift").get(3).path("compensation").asText()).isEqualTo("global");
        assertThat(first.path("ece_calibrated_mean").isNumber()).isTrue();
        assertThat(first.path("nll_calibrated_std").isNumber()).isTrue();
        assertThat(j.path("settings").path("design_time_seconds").asDouble()).isEqualTo(20.0);
        assertThat(r.out()).contains("1e7s").contains("ECE calibrated");
        // every row carries its Monte-Carlo floor and the deployment-induced part √(total² − floor²)
        assertThat(j.path("settings").path("spread_floor").asBoolean()).isTrue();
        for (JsonNode row : j.path("drift")) {
            for (String k : new String[]{"accuracy", "nll", "ece", "ece_calibrated", "nll_calibrated"}) {
                double total = row.path(k + "_std").asDouble(), floor = row.path(k + "_floor").asDouble();
                assertThat(row.path(k + "_floor").isNumber()).as(k + " floor in " + row).isTrue();
                assertThat(floor).isGreaterThanOrEqualTo(0);
                assertThat(row.path(k + "_induced").asDouble())
                        .isCloseTo(Math.sqrt(Math.max(0, total * total - floor * floor)), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        // with drift off every compensation reads alike: one floor per time, shared by "none" and "global"
        assertThat(j.path("drift").get(2).path("time_seconds").asDouble()).isEqualTo(20.0);
        assertThat(j.path("drift").get(2).path("nll_floor").asDouble()).isEqualTo(first.path("nll_floor").asDouble());
        assertThat(j.path("drift").get(1).path("nll_floor").asDouble()).isNotEqualTo(first.path("nll_floor").asDouble());
        CliRun bad = run("drift", "--model", model.toString(), "--data-dir", data, "--design-time", "-1s",
                "--out", dir.resolve("drift-bad-design").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip().lines().count()).as(bad.err()).isEqualTo(1);
        assertThat(bad.err()).contains("--design-time");
    }

    @Test
    void driftSweepWithCorrectionAddsACorrectedRowPerCell() {
        Path out = dir.resolve("drift-corrected");
        CliRun r = run("drift", "--model", model.toString(), "--data-dir", data, "--limit", "48", "--samples", "2",
                "--deployments", "2", "--times", "20s,1d", "--compensations", "none", "--correction", "affine",
                "--calibration-images", "32", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.path("drift")).hasSize(4);
        assertThat(j.path("drift").get(2).path("compensation").asText()).isEqualTo("none+affine");
        assertThat(j.path("drift").get(3).path("time_seconds").asDouble()).isEqualTo(86400.0);
        assertThat(j.path("settings").path("correction").asText()).isEqualTo("affine");
        CliRun bad = run("drift", "--model", model.toString(), "--data-dir", data, "--correction", "magic",
                "--out", dir.resolve("drift-bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("magic");
    }

    @Test
    void deployWithLogitCorrectionWritesTheCorrectedSection() {
        Path out = dir.resolve("corrected");
        CliRun r = run("deploy", "--model", model.toString(), "--data-dir", data, "--limit", "64",
                "--samples", "2", "--deployments", "2", "--correction", "affine", "--calibration-images", "64",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.read(out.resolve("results.json"));
        assertThat(j.path("hardware_corrected").path("correction").asText()).isEqualTo("affine");
        assertThat(j.path("hardware_corrected").path("per_deployment")).hasSize(2);
        JsonNode spread = j.path("spread_decomposition").path("corrected").path("accuracy");
        assertThat(spread.path("floor").isNumber()).isTrue();
        // the raw figures of the study are the deploy figures: the same programmings, seeds and reads
        assertThat(j.path("hardware").path("accuracy").path("mean").asDouble())
                .isEqualTo(j.path("hardware").path("per_deployment").get(0).path("accuracy").asDouble() / 2
                        + j.path("hardware").path("per_deployment").get(1).path("accuracy").asDouble() / 2,
                        org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void readBackCorrectionRunsOnTheSimulator() {
        Path out = dir.resolve("readback");
        CliRun r = run("deploy", "--model", model.toString(), "--data-dir", data, "--limit", "64",
                "--samples", "2", "--deployments", "1", "--correction", "read-back", "--calibration-images", "64",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Json.read(out.resolve("results.json")).path("hardware_corrected").path("correction").asText())
                .isEqualTo("read-back");
    }
}
