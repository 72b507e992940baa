package org.bayes2imc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.data.TestData;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The main job end to end on a small real subset of Fashion-MNIST (digits as OOD): train, software evaluation,
 * hardware with and without logit correction, drift sweep, sparsity, PPA and the report; a rerun resumes.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    private CliRun demo(Path out) {
        return demo(out, "--calibration-images", "40", "--samples", "2", "--deployments", "2");
    }

    /** The small chain; {@code study} gives the settings an experiment file may also hold. */
    private CliRun demo(Path out, String... study) {
        String[] common = {"demo", "--out", out.toString(), "--data-dir", TestData.dataDir().toString(),
                "--model-dir", dir.resolve("models").toString(), "--train-limit", "600", "--epochs", "1",
                "--test-limit", "120", "--hardware-limit", "60", "--hardware-ood-limit", "40", "--ood-limit", "80",
                "--drift-limit", "40", "--drift-deployments", "2", "--drift-ood-limit", "40", "--drift-times", "20s,1e7s",
                "--sweep-limit", "30", "--threads", "2"};
        String[] args = java.util.Arrays.copyOf(common, common.length + study.length);
        System.arraycopy(study, 0, args, common.length, study.length);
        return CliRun.of(args);
    }

    @Test
    void runsTheWholeChainAndResumesFromFinishedSteps() throws Exception {
        Path out = dir.resolve("demo");
        CliRun first = demo(out);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode r = Json.read(out.resolve("results.json"));
        assertThat(r.path("command").asText()).isEqualTo("demo");
        assertThat(r.path("software").path("ensemble").path("accuracy").asDouble()).isBetween(0.3, 1.0);
        assertThat(r.path("software").path("mode").path("ood_auroc_entropy").isNumber()).isTrue();
        assertThat(r.path("software").path("posterior").path("probabilistic_fraction").isNumber()).isTrue();
        assertThat(r.path("software").path("ensemble").path("ece_calibrated").isNumber()).isTrue();
        assertThat(r.path("hardware").path("deployments").asInt()).isEqualTo(2);
        assertThat(r.path("hardware").path("accuracy").path("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.path("hardware_corrected").path("accuracy").path("std").isNumber()).isTrue();
        // 2 times × (none, none+affine, global, global+affine)
        assertThat(r.path("drift")).hasSize(8);
        java.util.Set<String> comps = new java.util.TreeSet<>();
        r.path("drift").forEach(row -> comps.add(row.path("compensation").asText()));
        assertThat(comps).containsExactly("global", "global+affine", "none", "none+affine");
        assertThat(r.path("drift").get(0).has("accuracy_mean")).isTrue();
        assertThat(r.path("drift").get(0).path("ece_calibrated_mean").isNumber()).isTrue();
        assertThat(r.path("drift").get(0).path("nll_calibrated_std").isNumber()).isTrue();
        for (JsonNode d : new JsonNode[] {r.path("spread_decomposition"), r.path("systematic").path("spread_decomposition")}) {
            for (String part : new String[] {"raw", "corrected"}) {
                for (String k : new String[] {"accuracy", "nll", "nll_calibrated", "ece", "ece_calibrated"}) {
                    JsonNode x = d.path(part).path(k);
                    assertThat(x.path("total").isNumber() && x.path("floor").isNumber()).as(part + "." + k).isTrue();
                    double total = x.path("total").asDouble();
                    double floor = x.path("floor").asDouble();
                    assertThat(x.path("deployment_induced").asDouble())
                            .isCloseTo(Math.sqrt(Math.max(0, total * total - floor * floor)), within(1e-12));
                }
            }
        }
        assertThat(r.path("systematic").path("time_seconds").asDouble()).isEqualTo(86400.0);
        assertThat(r.path("systematic").path("hardware_corrected").path("ece_calibrated").path("mean").isNumber()).isTrue();
        assertThat(r.path("sparsity_deploy").path("ls").path("ece_calibrated").path("mean").isNumber()).isTrue();
        assertThat(r.path("sparsity").path("layers").size()).isEqualTo(6);
        assertThat(r.path("sparsity").path("sampled_parameters").path("ls_rs").isNumber()).isTrue();
        for (String m : new String[] {"none", "ls", "ls_rs"}) {
            assertThat(r.path("sparsity_deploy").path(m).path("accuracy").path("mean").isNumber()).as(m).isTrue();
        }
        assertThat(r.path("ppa").path("rows").size()).isGreaterThan(10);
        assertThat(r.path("timing").path("total_seconds").asDouble()).isPositive();
        assertThat(Files.size(out.resolve("report.html"))).isGreaterThan(10_000);
        assertThat(first.out()).contains("report:");
        // the design-space mini-sweep: 16 cells on embedded Spark, its Pareto fronts in the report
        assertThat(first.err()).contains("design-space sweep: 16 cells (0 failed)");
        assertThat(r.path("timing").path("steps").path("sweep_seconds").asDouble()).isPositive();
        assertThat(Files.readAllLines(out.resolve("sweep/sweep.csv"))).hasSize(17);
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"design-space\"")
                .contains("id=\"img-ds-pareto-accuracy-energy\"").contains("sweep/design-space.html");
        assertThat(out.resolve("sweep/design-space.html")).isRegularFile();

        CliRun second = demo(out);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("reusing cached model").contains("step 'hardware' already done");
        JsonNode again = Json.read(out.resolve("results.json"));
        assertThat(again.path("hardware")).isEqualTo(r.path("hardware"));
        assertThat(again.path("drift")).isEqualTo(r.path("drift"));

        // the same settings from an experiment file: every step's cache key is unchanged, so nothing is recomputed
        Path same = Files.writeString(dir.resolve("same.yaml"),
                "sampling:\n  samples: 2\nstudy:\n  deployments: 2\ncorrection:\n  calibration_images: 40\n");
        CliRun fromFile = demo(out, "--config", same.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.err()).contains("step 'hardware' already done").contains("step 'drift' already done");
        assertThat(Json.read(out.resolve("results.json")).path("hardware")).isEqualTo(r.path("hardware"));

        // a file setting the demo has no option for (the read time) reaches its studies; an option beats the file
        Path later = Files.writeString(dir.resolve("later.yaml"), "sampling:\n  samples: 7\nstudy:\n  deployments: 2\n"
                + "  time: 1h\ncorrection:\n  calibration_images: 40\n  method: read-back\n");
        CliRun hour = demo(out, "--config", later.toString(), "--samples", "2");
        assertThat(hour.code()).as(hour.err()).isZero();
        assertThat(hour.err()).doesNotContain("step 'hardware' already done");
        JsonNode h = Json.read(out.resolve("results.json"));
        assertThat(h.path("hardware").path("time_seconds").asDouble()).isEqualTo(3600.0);
        assertThat(h.path("settings").path("time_seconds").asDouble()).isEqualTo(3600.0);
        assertThat(h.path("settings").path("samples").asInt()).isEqualTo(2);
        assertThat(h.path("settings").path("correction").asText()).isEqualTo("read-back");
        assertThat(h.path("settings").path("calibration_images").asInt()).isEqualTo(40);
    }

    @Test
    void aBadExperimentFileGivesOneLineNamingTheFileAndTheKey() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "correction:\n  calibration_images: 0\n");
        CliRun r = CliRun.of("demo", "--out", dir.resolve("bad").toString(), "--config", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(bad.toString()).contains("correction.calibration_images");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void badScenarioOptionsGiveAOneLineErrorNamingTheOption() {
        for (String[] bad : new String[][] {{"--systematic-time", "soon"}, {"--systematic-images", "-1"}}) {
            CliRun r = CliRun.of("demo", "--out", dir.resolve("bad").toString(), bad[0], bad[1]);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(bad[0]);
        }
    }
}
