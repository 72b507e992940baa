package org.bayes2imc.cli;

import org.bayes2imc.data.TestData;
import org.bayes2imc.io.AtomicFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bayes2imc sweep}: a malformed experiment file is one line naming the file and key, and nothing runs or is
 * written; a small sweep in this JVM ({@code --engine in-process}) writes its rows and its design-space report. The
 * Spark engines are tested in the sweep module (SweepEnginesTest) and by SweepKillResumeIT.
 */
class SweepCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void model() {
        TinyModelFile.write(dir);
    }

    private static Path experiment(String name, String body) {
        Path f = dir.resolve(name);
        AtomicFiles.writeString(f, "models: [tiny.safetensors]\ndata: {limit: 64, ood: digits, ood_limit: 32, "
                + "calibration_images: 32, data_dir: " + TestData.dataDir() + "}\n" + body);
        return f;
    }

    @Test
    void malformedFileIsOneLineAndStartsNothing() {
        Path out = dir.resolve("bad-out");
        for (String[] c : List.of(
                new String[] {"bad1.yaml", "grid: {sampels: [1, 2]}\n", "grid.sampels: unknown setting key"},
                new String[] {"bad2.yaml", "grid: {deployments: [0]}\n", "grid.deployments[0]: must be an integer in 1..10000, got 0"},
                new String[] {"bad3.yaml", "cells: [{design: tpu}]\n", "cells[0].design: must be one of bayes2imc, sram, adc-imc"})) {
            Path f = experiment(c[0], c[1]);
            CliRun r = CliRun.of("sweep", f.toString(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("bayes2imc: error: " + f + ": " + c[2]).doesNotContain("\n");
            assertThat(r.out()).doesNotContain("sweep");
        }
        Path missing = dir.resolve("missing.yaml");
        AtomicFiles.writeString(missing, "models: [gone.safetensors]\n");
        CliRun r = CliRun.of("sweep", missing.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("bayes2imc: error: " + missing + ": models[0]: no such model file").doesNotContain("\n");
        assertThat(Files.exists(out)).as("no output folder for a refused file").isFalse();
    }

    @Test
    void inProcessSweepWritesRowsAndTable() throws IOException {
        Path f = experiment("ok.yaml", "fixed: {deployments: 2, samples: 2, floor: false}\n"
                + "grid: {design: [bayes2imc, sram, adc-imc], time: [20s, 10y]}\n");
        Path out = dir.resolve("ok-out");
        CliRun r = CliRun.of("sweep", f.toString(), "--out", out.toString(), "--engine", "in-process");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 cells, 6 to run (0 finished)").contains("6 rows (0 failed)");
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(7);
        assertThat(csv.get(5)).contains(",adc-imc,");
        CliRun again = CliRun.of("sweep", f.toString(), "--out", out.toString(), "--engine", "in-process");
        assertThat(again.out()).contains("6 cells, 0 to run (6 finished)");
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).isEqualTo(csv);
    }
}
